"""Vietnamese first: the language is the user's choice (cookie) or Vietnamese, never guessed from
the browser's Accept-Language, so every learner starts in Vietnamese and pages cache by cookie."""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from lms.common.prefetch import prefetch_for

from .usercache import loading_for_session


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


class PasswordChangeRequiredMiddleware:
    """Sends a signed-in person whose session is marked (receivers.MUST_CHANGE_KEY: they signed
    in with a password a school admin printed) to "Đổi mật khẩu" on every page view (a GET that
    accepts HTML), except the change page itself and signing out. JSON, API and progress
    requests pass, so a lesson in progress is never lost."""

    EXEMPT = ("/static/", "/media/", "/jsi18n/", "/ngon-ngu/", "/api/", "/xapi/", "/progress/",
              "/h5p/")  # and the change page and signing out, by name (below)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.shortcuts import redirect
        from django.urls import reverse

        from .receivers import MUST_CHANGE_KEY

        session = getattr(request, "session", None)
        if (session is not None and request.method == "GET"
                and "text/html" in request.headers.get("Accept", "")
                and session.get(MUST_CHANGE_KEY)
                and not request.path.startswith(self.EXEMPT + (
                    reverse("accounts:password_change"), reverse("accounts:logout")))):
            return redirect(reverse("accounts:password_change"))
        return self.get_response(request)


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, except that the user load may use the generation token the session store read
    together with the session (lms/accounts/sessions/cached_db.py: one cache round trip less
    per signed-in request, issue 18), and that the session's read also carries the cache
    entries the requested view registered (lms/common/prefetch.py)."""

    def __call__(self, request):
        # Whatever loads the session in this request (a later middleware or the view) reads the
        # cache entries the requested view registered with it (lms/common/prefetch.py).
        with prefetch_for(request):
            return super().__call__(request)

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _request_user(request))


def _request_user(request):
    if not hasattr(request, "_cached_user"):
        with loading_for_session(request.session):
            request._cached_user = auth.get_user(request)
    return request._cached_user
