"""The content origin: a separate host that serves package content (H5P now, SCORM next) with
no session, no CSRF cookie and a strict Content-Security-Policy, so a package's script can
never act with a learner's session on the site.

- `HOCMO_CONTENT_ORIGIN` (e.g. https://noidung.example.vn; in development http://localhost:8000
  while the site is http://127.0.0.1:8000 — same server, another host, so no cookie is shared)
  serves only `lms.content_origin.urls` and static files (middleware.ContentOriginMiddleware);
- the site (`HOCMO_SITE_ORIGIN`) never serves package files;
- lesson pages embed the player frame from the content origin in an iframe sandboxed without
  `allow-same-origin`, and talk with it by postMessage (courses/h5p/static/h5p/player.js)."""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

URLCONF = "lms.content_origin.urls"


def content_origin() -> str:
    return settings.HOCMO_CONTENT_ORIGIN.rstrip("/")


def site_origin() -> str:
    return settings.HOCMO_SITE_ORIGIN.rstrip("/")


def content_host() -> str:
    """host[:port] of the content origin, as a request's Host header carries it."""
    return _netloc(content_origin())


@lru_cache(maxsize=8)
def _netloc(origin: str) -> str:
    return urlsplit(origin).netloc.lower()


def content_url(viewname: str, *args) -> str:
    """An absolute URL on the content origin for a view of lms.content_origin.urls."""
    return content_origin() + reverse(viewname, urlconf=URLCONF, args=args)


def is_content_request(request) -> bool:
    """Asked by two middleware of every request (and the page cache's key wants the host too):
    the validated host is worked out once a request (issue 18, CPU of a cached page)."""
    host = request_host(request)
    return host.lower() == content_host()


def request_host(request) -> str:
    """request.get_host(), kept on the request after its first success (a disallowed host
    raises each time, as get_host does)."""
    try:
        return request._hocmo_host
    except AttributeError:
        request._hocmo_host = host = request.get_host()
        return host
