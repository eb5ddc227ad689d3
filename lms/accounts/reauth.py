"""Re-authentication for security changes ("sudo mode"): turning two-step sign-in off or on,
changing where codes go, new recovery codes, and setting a password on an account that has
none need the current password or a fresh one-time code given in the last REAUTH_SECONDS, in
this session. Signing in does not count: a session left open (or stolen) cannot change them."""

import time
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

REAUTH_KEY = "hocmo_reauth_at"
REAUTH_SECONDS = 10 * 60


def is_fresh(request) -> bool:
    at = request.session.get(REAUTH_KEY, 0)
    return isinstance(at, int | float) and 0 <= time.time() - at <= REAUTH_SECONDS


def mark_fresh(request) -> None:
    request.session[REAUTH_KEY] = time.time()


def reauth_redirect(request):
    """To the confirmation page, then back to this page (a POST's data is not kept: nothing
    changes until the person has confirmed and submits again)."""
    return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': request.path})}")
