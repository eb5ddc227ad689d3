"""Serves Wagtail pages through a route cache keyed by the content version.

Wagtail's own router costs a query per path segment plus the Site lookup; here a warm route is
one cache read. Pages with view restrictions, or routes with extra arguments, fall back to
Wagtail's own `serve` so its checks always apply."""

import copy

from django.http import Http404
from django.urls.resolvers import RegexPattern, URLPattern
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from lms.units.access import public

from .versioning import content_version, versioned_get, versioned_set

TTL_SECONDS = 15 * 60
FALLBACK = "wagtail"
PAGE_PATH_RE = r"^(?P<path>(?:[\w\-]+/)*)$"
# Paths this worker has served as CMS pages through the URLconf's last pattern: the URLconf
# never changes while the process runs, so such a path will resolve to it again.
_known_paths: set[str] = set()
KNOWN_PATHS_MAX = 5000


class _KnownPagePattern(URLPattern):
    """First in the URLconf: a path already served as a CMS page goes straight to `serve`
    instead of being tried against the ~20 patterns before the catch-all (a sixth of a
    signed-in lesson request's CPU, issue 18). Any other path falls through."""

    def resolve(self, path):
        return super().resolve(path) if path in _known_paths else None


def known_page_paths():
    return _KnownPagePattern(RegexPattern(PAGE_PATH_RE, is_endpoint=True), serve)


def _remember_path(request, path: str) -> None:
    if request.path_info[1:] != path or path in _known_paths:
        return
    if len(_known_paths) >= KNOWN_PATHS_MAX:
        _known_paths.clear()
    _known_paths.add(path)


def _cached_page(request, path: str, version: int):
    route_key = f"route:{version}:{request.get_host()}:{path}"
    entry = versioned_get(route_key)
    if entry == FALLBACK:
        return None
    if entry is not None:
        page = versioned_get(f"page:{version}:{entry}")
        if page is not None:
            return _page_copy(page)  # shared by this worker's requests: never mutate that one
    result = Page.route_for_request(request, path)
    if result is None:
        raise Http404
    page, args, kwargs = result
    if args or kwargs or page.get_view_restrictions().exists():
        versioned_set(route_key, FALLBACK, TTL_SECONDS)
        return None
    versioned_set(route_key, page.pk, TTL_SECONDS)
    versioned_set(f"page:{version}:{page.pk}", page, TTL_SECONDS)
    return _page_copy(page)


def _page_copy(page):
    """What copy.copy gives a model instance (Model.__getstate__: its own attribute dict, model
    state and fields cache; the attribute values shared), without the pickling protocol's
    round (a tenth of a warm lesson request's routing)."""
    new = page.__class__.__new__(page.__class__)
    attributes = page.__dict__.copy()
    state = copy.copy(attributes["_state"])
    state.fields_cache = state.fields_cache.copy()
    attributes["_state"] = state
    new.__dict__ = attributes
    return new


@public
def serve(request, path: str = ""):
    page = _cached_page(request, path, content_version())
    if page is None:
        return wagtail_serve(request, path)
    _remember_path(request, path)
    request._hocmo_page_cacheable = True
    request.content_version = content_version()
    return page.serve(request)
