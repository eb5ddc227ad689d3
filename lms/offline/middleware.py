"""Which pages the service worker may keep on the learner's device: the server decides, by
marking the response `X-HocMo-Offline: 1`; the worker keeps nothing else (templates/offline/
sw.js). Learner pages only — the home page, the course catalogue, course and lesson pages (all
under the course index) and My learning — as a complete HTML answer to a GET, never a page
that showed a one-time message. Signed-in pages stay `private, no-store` for every shared or
HTTP cache (lms.accounts.middleware.PrivateResponseMiddleware); keeping them in this learner's
own Cache Storage is the deliberate exception, cleared at sign-out and when another person
signs in on the device (docs/features/offline.md, "Privacy on a shared phone")."""

from django.conf import settings
from django.urls import reverse

from lms.content_origin import is_content_request

HEADER = "X-HocMo-Offline"
COURSE_INDEX_PREFIX = "/khoa-hoc/"


def is_learner_page(path: str) -> bool:
    return (path == "/" or path.startswith(COURSE_INDEX_PREFIX)
            or path == reverse("courses:my_learning", urlconf=settings.ROOT_URLCONF))


class OfflinePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The course index's pages may differ with the data saver (lesson images on tap,
        # lms/common/save_data.py): set here, outside the page cache, so hits carry it too.
        if (request.path.startswith(COURSE_INDEX_PREFIX) and not is_content_request(request)
                and response.get("Content-Type", "").startswith("text/html")):
            _vary_save_data(response)
        # Never on the package content host (its own URLconf; nothing there is a learner page).
        if (request.method == "GET" and response.status_code == 200
                and not is_content_request(request)
                and response.get("Content-Type", "").startswith("text/html")
                and is_learner_page(request.path) and not _showed_messages(request)):
            response[HEADER] = "1"
        return response


def _vary_save_data(response) -> None:
    """Adds Save-Data to Vary, before Accept-Encoding: a page-cache hit already varies on it,
    a miss gets it from GZipMiddleware (outside this one) afterwards; both end the same."""
    names = [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]
    if "save-data" in (name.lower() for name in names):
        return
    encoding = [name for name in names if name.lower() == "accept-encoding"]
    names = [name for name in names if name.lower() != "accept-encoding"]
    response["Vary"] = ", ".join([*names, "Save-Data", *encoding])


def _showed_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and storage.used)
