"""Vietnamese first: the language is the user's choice (cookie) or Vietnamese, never guessed from
the browser's Accept-Language, so every learner starts in Vietnamese and pages cache by cookie."""

from django.conf import settings
from django.utils import translation


def request_language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class VietnameseFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


PRIVATE = "private, no-store"


class PrivateResponseMiddleware:
    """Every response to a signed-in person (session) or an authenticated client (an
    Authorization header: API tokens, xAPI Basic) is `Cache-Control: private, no-store`, so no
    shared cache or browser history keeps a child's page, a report export, a certificate PDF or
    an API answer. A view opts out by setting Cache-Control itself (package files, photos).
    Anonymous responses are left alone: the anonymous page cache (lms.pagecache) still works."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" in response:
            return response
        user = getattr(request, "user", None)
        if "HTTP_AUTHORIZATION" in request.META or (user is not None and user.is_authenticated):
            response["Cache-Control"] = PRIVATE
        return response
