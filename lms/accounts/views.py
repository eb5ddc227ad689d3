from django.conf import settings
from django.http import HttpResponseRedirect

from lms.http import safe_next_url


def language_switch(request, code: str):
    """Sets the language cookie and returns to the page. It changes only the visitor's own
    cookie (no server state), so a plain link works on every phone, with or without JS."""
    next_url = safe_next_url(request, request.GET.get("next", ""), default="/")
    response = HttpResponseRedirect(next_url)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600,
                            samesite="Lax", httponly=True)
        if request.user.is_authenticated and request.user.preferred_language != code:
            request.user.preferred_language = code
            request.user.save(update_fields=["preferred_language"])
    return response
