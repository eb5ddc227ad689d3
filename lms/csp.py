"""The site's Content-Security-Policy (django-csp 4): CONTENT_SECURITY_POLICY in settings is the
policy of every page; this middleware adds what depends on the request.

- frame-src gains HOCMO_CONTENT_ORIGIN, read per request (the player frames live there);
- the Wagtail admin (/admin/) gets script-src 'unsafe-inline' 'unsafe-eval' instead of nonces:
  Wagtail 8 still renders inline scripts (date choosers, inline panels, userbar) and compiles
  templates with `new Function`, so a nonce-only policy would break the page editor. Only staff
  reach it, every other directive stays (frame-ancestors, object-src, base-uri, frame-src,
  form-action), and lesson content shown in the admin's preview is the same sandboxed frame.

The content origin's own, stricter policy is set by lms.content_origin.middleware."""

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from lms.content_origin import content_origin

WAGTAIL_ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        parts.update = {**(parts.update or {}), "frame-src": [content_origin()]}
        if request.path_info.startswith(WAGTAIL_ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}),
                             "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL]}
        return parts
