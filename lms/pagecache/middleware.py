"""Serves anonymous GETs of CMS pages from the cache before sessions, auth or CSRF run.

Only responses the page router marked cacheable are stored, and only when they set no cookie;
keys carry the content version, so a publish is visible on the next request. Signed-in users
(any session cookie) always get a freshly rendered page: no learner sees another's."""

import gzip
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.text import compress_string

from lms.common.save_data import save_data
from lms.content_origin import request_host

from .versioning import content_version, forget_request_version, versioned_get, versioned_set

BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/",
                   "/tai-khoan/", "/api/", "/progress/", "/cua-toi/", "/giang-day/", "/ngon-ngu/",
                   "/jsi18n/", "/h5p/", "/xapi/")
TTL_SECONDS = 15 * 60


def _key(request, version: int) -> str:
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
    raw = f"{request_host(request)}|{request.get_full_path()}|{language}"
    if save_data(request):  # lesson images as tap-to-load links (lms/common/save_data.py)
        raw += "|save-data"
    return f"anonpage:{version}:{hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forget_request_version()
        if not self._eligible(request):
            return self.get_response(request)
        key = _key(request, content_version())
        hit = versioned_get(key)  # this worker's memory first, then the shared cache
        if hit is not None:
            return self._from_cache(request, *hit)
        response = self.get_response(request)
        if self._storable(request, response):
            body = response.content
            if response.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            # Compressed once here, not on every hit (the page holds no secret to leak).
            versioned_set(key, (body, compress_string(body), response["Content-Type"],
                                response.get("Content-Language", "vi")), TTL_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _from_cache(request, body, gzipped, content_type, language):
        # Returned before the inner middleware runs, so set what they would have set.
        use_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")  # no headers dict
        content = gzipped if use_gzip else body
        response = HttpResponse(content, content_type=content_type)
        # Stored as `response[name] = value` would store them, without checking each value's
        # charset and line breaks on every hit (issue 18: a cached page's CPU): every value is
        # ASCII from this module, the settings or a response Django already checked.
        store = response.headers._store
        if use_gzip:
            store["content-encoding"] = ("Content-Encoding", "gzip")
        store["content-language"] = ("Content-Language", language)
        store["content-length"] = ("Content-Length", str(len(content)))
        store["x-frame-options"] = ("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS",
                                                               "DENY"))
        store["x-page-cache"] = ("X-Page-Cache", "hit")
        store["vary"] = ("Vary", "Cookie, Accept-Encoding")
        return response

    @staticmethod
    def _eligible(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(BYPASS_PREFIXES)
        )

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            getattr(request, "_hocmo_page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not getattr(request, "_hocmo_no_page_cache", False)
        )
