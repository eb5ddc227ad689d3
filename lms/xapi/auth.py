"""Who is calling the LRS: an external tool with HTTP Basic credentials (a Client with scopes),
or the signed-in learner's browser session (CSRF checked on every write)."""

import base64
import binascii
import hashlib

from django.core.cache import cache
from django.middleware.csrf import CsrfViewMiddleware

from .models import Client
from .services import Principal

VERIFIED_TTL = 60


class NotAuthenticated(PermissionError):
    pass


def _client_from_basic(header: str) -> Client:
    try:
        key, secret = base64.b64decode(header.split(" ", 1)[1]).decode().split(":", 1)
    except (ValueError, binascii.Error, UnicodeDecodeError, IndexError):
        raise NotAuthenticated from None
    # Password hashers are slow on purpose; a verified pair is remembered briefly with its
    # client (keyed by a digest of key and secret), so the hasher and the lookup run once per
    # TTL. Deactivating a tool or changing its secret takes effect within VERIFIED_TTL.
    marker = "xapi:verified:" + hashlib.sha256(f"{key}:{secret}".encode()).hexdigest()
    client = cache.get(marker)
    if client is not None:
        return client
    client = Client.objects.filter(key=key, is_active=True).first()
    if client is None or not client.check_secret(secret):
        raise NotAuthenticated
    cache.set(marker, client, VERIFIED_TTL)
    return client


def _csrf_failure(request):
    # Only the CSRF check is wanted: no response or view is ever called.
    check = CsrfViewMiddleware(lambda req: None)  # type: ignore[arg-type]
    check.process_request(request)
    return check.process_view(request, None, (), {})  # type: ignore[arg-type]


def principal_for(request) -> Principal:
    """Raises NotAuthenticated (401) or returns the principal; session writes must pass CSRF
    (raises PermissionError → 403)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.lower().startswith("basic "):
        return Principal(client=_client_from_basic(header))
    if request.user.is_authenticated:
        if request.method not in ("GET", "HEAD", "OPTIONS") and _csrf_failure(request):
            raise PermissionError("CSRF")
        return Principal(user=request.user)
    raise NotAuthenticated
