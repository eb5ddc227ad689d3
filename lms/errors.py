"""The site's error pages (issue 19 item 3): 403, 404, 500 and the CSRF failure, in the language
the rest of the site would speak (the `hocmo_lang` cookie, else Vietnamese), each with a way
back: home, the page the visitor came from (when it is this site), and signing in for an
anonymous visitor.

403, 404 and the CSRF failure use the site's layout (base.html). 500 is rendered from
`500.html` alone, with no context processor and no database query: it must render when the
database or the request itself is what failed. The package content origin keeps its plain-text
errors (its own URLconf's handlers; a CSRF failure there is plain text too)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from lms.http import safe_next_url


def _language(request) -> str:
    from lms.accounts.middleware import request_language

    return request_language(request)


def _way_back(request, *, same_page: bool = False) -> dict:
    """Links back: the same-site page the visitor came from (not the failing page itself,
    unless `same_page`: a refused form goes back to the form to reload it)."""
    referer = safe_next_url(request, request.META.get("HTTP_REFERER", ""), default="")
    if referer and not same_page and referer.endswith(request.get_full_path()):
        referer = ""
    return {"back_url": referer, "request_path": request.get_full_path()}


def _is_content_request(request) -> bool:
    from lms.content_origin import is_content_request

    return is_content_request(request)


def _page(request, template: str, status: int, extra: dict | None = None, *,
          same_page: bool = False) -> HttpResponse:
    with translation.override(_language(request)):
        body = loader.render_to_string(template, {**_way_back(request, same_page=same_page),
                                                  **(extra or {})},
                                       request=request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def forbidden(request, exception=None):
    """handler403: refused (most refusals answer 404, so their existence does not leak)."""
    return _page(request, "403.html", 403)


@requires_csrf_token
def not_found(request, exception=None):
    """handler404."""
    return _page(request, "404.html", 404)


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (usually an old tab or a form
    left open past the session's end); the page says to go back, reload and send again."""
    if _is_content_request(request):
        return HttpResponse(b"Forbidden", status=403, content_type="text/plain; charset=utf-8")
    return _page(request, "403_csrf.html", 403, {"reason": reason if settings.DEBUG else ""},
                 same_page=True)


def server_error(request):
    """handler500: `500.html` with a plain Context (no context processor, no `user`, no
    session, no query); anonymous is told from the cookies alone."""
    try:
        language = _language(request)
    except Exception:  # noqa: BLE001 - a broken request still gets the page
        language = settings.LANGUAGE_CODE
    signed_out = settings.SESSION_COOKIE_NAME not in (getattr(request, "COOKIES", None) or {})
    try:
        path = request.get_full_path()
    except Exception:  # noqa: BLE001
        path = "/"
    with translation.override(language):
        body = loader.get_template("500.html").render({
            "LANGUAGE_CODE": language, "signed_out": signed_out, "request_path": path,
            "STATIC_URL": settings.STATIC_URL})
    return HttpResponseServerError(body)
