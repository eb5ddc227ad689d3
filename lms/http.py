"""Small request helpers shared by the views of several apps."""

from django.utils.http import url_has_allowed_host_and_scheme


def client_address(request) -> str:
    """The client's address as the WSGI server reports it. Behind a reverse proxy the server
    must be told to take it from the proxy (gunicorn's --forwarded-allow-ips); X-Forwarded-For is
    not read here, since any client can send it."""
    return request.META.get("REMOTE_ADDR", "")


def safe_next_url(request, url: str, default: str = "") -> str:
    """`url` when it points at this site (no open redirect), else `default`."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return default
