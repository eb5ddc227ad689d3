"""The site's Content-Security-Policy (django-csp 4): CONTENT_SECURITY_POLICY in settings is the
policy of every page; this middleware adds what depends on the request.

- frame-src gains HOCMO_CONTENT_ORIGIN, read per request (the player frames live there);
- the Wagtail admin (/admin/) gets script-src 'unsafe-inline' 'unsafe-eval' instead of nonces:
  Wagtail 8 still renders inline scripts (date choosers, inline panels, userbar) and compiles
  templates with `new Function`, so a nonce-only policy would break the page editor. Only staff
  reach it, every other directive stays (frame-ancestors, object-src, base-uri, frame-src,
  form-action), and lesson content shown in the admin's preview is the same sandboxed frame.

The content origin's own, stricter policy is set by lms.content_origin.middleware.

A response whose request used no nonce and whose view set no policy of its own (every anonymous
page served from the page cache, issue 18) gets the headers this worker built before for the same
settings objects and content origin: building them (django-csp's dataclass copies and string
joins, twice) was a third of a cached page's CPU."""

from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings

from lms.content_origin import content_origin

WAGTAIL_ADMIN_PREFIX = "/admin/"
# What a response changes in its policy (csp.decorators): such a response is built in full.
# django-csp's decorators set them on the response object: one set test, not eight hasattr().
_RESPONSE_PARTS = frozenset(("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro",
                             "_csp_update_ro", "_csp_replace_ro", "_csp_exempt",
                             "_csp_exempt_ro"))


class SiteCSPMiddleware(CSPMiddleware):
    # The policy of a response without a nonce or a policy of its own is the same for every
    # such response while the settings and the content origin stay: built once, not per
    # response (issue 18). Held with the settings objects it came from (tests override them).
    _plain: tuple = ()

    def process_response(self, request, response):
        if (getattr(request, "_csp_nonce", None) is not None or settings.DEBUG
                or request.path_info.startswith(WAGTAIL_ADMIN_PREFIX)
                or not _RESPONSE_PARTS.isdisjoint(vars(response))):
            return super().process_response(request, response)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        policy_ro = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        origin = content_origin()
        plain = self._plain
        if not plain or plain[0] is not policy or plain[1] is not policy_ro or plain[2] != origin:
            parts = self.get_policy_parts(request, response)
            parts_ro = self.get_policy_parts(request, response, report_only=True)
            plain = (policy, policy_ro, origin, build_policy(**asdict(parts)),
                     build_policy(**asdict(parts_ro), report_only=True))
            SiteCSPMiddleware._plain = plain
        for header, value, config in ((HEADER, plain[3], policy),
                                      (HEADER_REPORT_ONLY, plain[4], policy_ro)):
            prefixes = tuple((config or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
            if value and header not in response and not request.path_info.startswith(prefixes):
                response[header] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        parts.update = {**(parts.update or {}), "frame-src": [content_origin()]}
        if request.path_info.startswith(WAGTAIL_ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}),
                             "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL]}
        return parts
