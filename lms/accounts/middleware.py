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
