from django.conf import settings
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from lms.http import safe_next_url
from lms.units.access import public

from .services.profile import user_language_set


@public
@require_http_methods(["GET", "HEAD", "POST"])
def language_switch(request, code: str):
    """Sets the language cookie and returns to the page.

    GET (the plain link anonymous visitors get, so cached pages carry no CSRF cookie) changes
    only the visitor's own cookie. POST (the signed-in header's button, CSRF-checked) also
    saves the choice on the account, for notifications and other devices: a link, an image or
    a prefetch can never change a user's stored language."""
    source = request.POST if request.method == "POST" else request.GET
    next_url = safe_next_url(request, source.get("next", ""), default="/")
    response = HttpResponseRedirect(next_url)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code,
                            max_age=settings.LANGUAGE_COOKIE_AGE,
                            secure=settings.LANGUAGE_COOKIE_SECURE,
                            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                            samesite=settings.LANGUAGE_COOKIE_SAMESITE)  # type: ignore[arg-type]
        if request.method == "POST" and request.user.is_authenticated:
            user_language_set(request.user, code)
    return response
