"""Splits the content origin from the site. Placed right after SecurityMiddleware, so nothing
inside (page cache, sessions, CSRF, auth) sees a content-origin request with a cookie.

On the content host: the request's cookies are dropped, only lms.content_origin.urls and
static files answer (anything else is a plain 404 before any other middleware runs), and the
response sets no cookie, carries the content origin's strict CSP (player frames set their
own) and may be read by the sandboxed frames (whose origin is opaque: Access-Control-Allow-
Origin *, never with credentials)."""

from django.conf import settings
from django.http import HttpResponseNotFound
from django.urls import Resolver404, resolve

from . import URLCONF, is_content_request
from .policy import FILE_POLICY

CSP = "Content-Security-Policy"


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_content_request(request):
            return self.get_response(request)
        request.META.pop("HTTP_COOKIE", None)
        request.urlconf = URLCONF
        if request.path_info.startswith(settings.STATIC_URL):
            response = self.get_response(request)
        else:
            try:
                resolve(request.path_info, urlconf=URLCONF)
            except Resolver404:
                response = HttpResponseNotFound(b"Not found", content_type="text/plain")
            else:
                response = self.get_response(request)
        return self._harden(response)

    @staticmethod
    def _harden(response):
        response.cookies.clear()
        if not getattr(response, "content_frame_policy", False):
            response[CSP] = FILE_POLICY
        response["Access-Control-Allow-Origin"] = "*"
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        response["X-Content-Type-Options"] = "nosniff"
        response["Referrer-Policy"] = "no-referrer"
        return response
