"""Brute-force protection for every way of signing in, on django-axes.

Counted: wrong passwords (any identifier: username, phone, email), wrong one-time codes at
"sign in with a code", wrong two-step and recovery codes. Each failure is an axes
AccessAttempt (and an AccessFailureLog row, the audit trail) keyed by the *account* the typed
identifier names, so "0912 111 222", "+84912111222" and the username count together, and by
the client address.

Two limits in one cool-off window (HOCMO_SIGNIN_COOLOFF_MINUTES after the last failure):
- per account: HOCMO_SIGNIN_ACCOUNT_FAILURES failures lock the account from every address;
- per address: HOCMO_SIGNIN_ADDRESS_FAILURES failures lock the address for every account (a
  school's computer room shares one address, so this limit is much higher).
Axes compares one number with one limit, so `get_failures` scales both counts to percent of
their own limit and AXES_FAILURE_LIMIT is 100.

Unknown identifiers are counted and locked exactly like real ones, so a lockout says nothing
about whether an account exists. A lockout is lifted by the cool-off, by a school admin (their
pupils) or a platform admin (anyone) on the account pages, or by a password reset through the
account's own phone or email."""

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from .services.lockout import attempt_forget

FAILURE_SCALE = 100  # AXES_FAILURE_LIMIT: both limits are scaled to percent


def _limits() -> tuple[int, int]:
    return (max(1, settings.HOCMO_SIGNIN_ACCOUNT_FAILURES),
            max(1, settings.HOCMO_SIGNIN_ADDRESS_FAILURES))


def account_key(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: the username of the account the typed identifier names (by
    username, or the one account with that phone/email), else the typed value normalised."""
    from lms.common.phone import phone_normalise

    from .backends import identifier_query, user_for_identifier
    from .models import User

    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = getattr(request, "POST", {}).get("username")
    typed = (typed or "").strip()[:150]
    if not typed:
        return None
    if User.objects.filter(username=typed).exists():
        return typed
    user = user_for_identifier(typed) if identifier_query(typed) is not None else None
    if user is not None:
        return user.username
    if "@" not in typed and identifier_query(typed) is not None:
        return phone_normalise(typed)
    return typed.lower()


def client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the same address the other throttles use (lms.http)."""
    from lms.http import client_address

    return client_address(request) or None


class SignInLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with separate per-account and per-address limits, and a
    successful sign-in clearing only that account's failures (never the address's: signing in
    to one's own account must not reset the count of guesses at others)."""

    def get_failures(self, request, credentials=None) -> int:
        account_limit, address_limit = _limits()
        counts = [qs.aggregate(n=Sum("failures_since_start"))["n"] or 0
                  for qs in self.get_user_attempts(request, credentials)]
        by_account, by_address = (counts + [0, 0])[:2]
        return max(by_account * FAILURE_SCALE // account_limit,
                   by_address * FAILURE_SCALE // address_limit)

    def reset_user_attempts(self, request, credentials=None) -> int:
        attempts = self.filter_user_attempts(request, credentials)
        return attempt_forget(attempts[0]) if attempts else 0


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the same page for every locked sign-in, known account or not."""
    return render(request, "accounts/locked.html",
                  {"minutes": settings.HOCMO_SIGNIN_COOLOFF_MINUTES}, status=429)


# --- For the code paths (which do not go through authenticate()) ------------------------------


def signin_allowed(request, identifier: str) -> bool:
    """False while the account named by `identifier` or the client's address is locked."""
    return AxesProxyHandler.is_allowed(request, {"username": identifier})


def signin_failed(request, identifier: str) -> None:
    """Counts a wrong code like a wrong password (axes listens to user_login_failed); when
    this failure reaches a limit, AxesMiddleware answers with the lockout page."""
    user_login_failed.send(sender=__name__, credentials={"username": identifier},
                           request=request)


# --- Lifting ---------------------------------------------------------------------------------


def _window_start():
    return timezone.now() - settings.AXES_COOLOFF_TIME


def locked_usernames(usernames=None) -> dict[str, int]:
    """{account key: failures in the window} for keys at or over the account limit."""
    account_limit, _ = _limits()
    rows = AccessAttempt.objects.filter(attempt_time__gte=_window_start())
    if usernames is not None:
        rows = rows.filter(username__in=list(usernames))
    totals = (rows.values("username").annotate(n=Sum("failures_since_start"))
              .filter(n__gte=account_limit))
    return {row["username"]: row["n"] for row in totals}


def locked_addresses() -> dict[str, int]:
    _, address_limit = _limits()
    totals = (AccessAttempt.objects.filter(attempt_time__gte=_window_start())
              .values("ip_address").annotate(n=Sum("failures_since_start"))
              .filter(n__gte=address_limit))
    return {row["ip_address"]: row["n"] for row in totals}
