"""The site's Content-Security-Policy (django-csp 4): CONTENT_SECURITY_POLICY in settings is the
policy of every page; this middleware adds what depends on the request.

- frame-src gains HOCMO_CONTENT_ORIGIN, read per request (the player frames live there);
- the Wagtail admin (/admin/) gets script-src 'unsafe-inline' 'unsafe-eval' instead of nonces:
  Wagtail 8 still renders inline scripts (date choosers, inline panels, userbar) and compiles
  templates with `new Function`, so a nonce-only policy would break the page editor. Only staff
  reach it, every other directive stays (frame-ancestors, object-src, base-uri, frame-src,
  form-action), and lesson content shown in the admin's preview is the same sandboxed frame.

The content origin's own, stricter policy is set by lms.content_origin.middleware.

A response whose request used no nonce and whose view set no policy of its own (every
anonymous page served from the page cache, issue 18) gets headers this worker built before for
the same content origin and admin-or-not: building them (django-csp's dataclass copies and
string joins, twice) was a third of a cached page's CPU. The memo is emptied when settings
change (tests)."""

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse

from lms.content_origin import content_origin

WAGTAIL_ADMIN_PREFIX = "/admin/"
# Attributes django-csp's view decorators set on a response: such a policy is not memoised.
PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro",
                "_csp_replace_ro", "_csp_exempt", "_csp_exempt_ro")
_memo: dict[tuple[str, bool], list[tuple[str, str]]] = {}


@receiver(setting_changed)
def _forget_policies(**kwargs) -> None:
    _memo.clear()


def _excludes_paths() -> bool:
    return any((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
               for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"))


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
                hasattr(response, name) for name in PER_RESPONSE) or _excludes_paths():
            return super().process_response(request, response)
        key = (content_origin(), request.path_info.startswith(WAGTAIL_ADMIN_PREFIX))
        headers = _memo.get(key) if response.status_code == 200 else None
        if headers is None:
            # What django-csp sets on a response with neither header, for this key (it also
            # guards request.csp_nonce against use after the header is written).
            probe = super().process_response(request, HttpResponse(status=response.status_code))
            headers = [(name, probe[name]) for name in (HEADER, HEADER_REPORT_ONLY)
                       if name in probe]
            if response.status_code == 200:
                _memo[key] = headers
        else:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        for name, value in headers:
            if name not in response:
                response[name] = value
        return response

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        parts.update = {**(parts.update or {}), "frame-src": [content_origin()]}
        if request.path_info.startswith(WAGTAIL_ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}),
                             "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL]}
        return parts
