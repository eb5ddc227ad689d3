"""The web app manifest, the service worker (at the site root, so its scope is every page),
the offline fallback page, who is signed in (for the device's queue and caches) and a course's
download list. Thin: the reads are in selectors.py."""

import json

from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.units.access import public, signed_in

from . import selectors
from .permissions import downloadable_course_or_404

THEME_COLOUR = "#0b5cad"


@require_GET
@public
def manifest(request):
    """Named in the visitor's language (the cookie); Android Chrome reads it at install."""
    body = {
        "name": "HọcMở",
        "short_name": "HọcMở",
        "description": _("Học tập mở cho mọi người, cả khi không có mạng."),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("offline/icons/icon-192.png"), "sizes": "192x192",
             "type": "image/png", "purpose": "any"},
            {"src": static("offline/icons/icon-512.png"), "sizes": "512x512",
             "type": "image/png", "purpose": "any"},
            {"src": static("offline/icons/icon-maskable-512.png"), "sizes": "512x512",
             "type": "image/png", "purpose": "maskable"},
        ],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False),
                            content_type="application/manifest+json; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Vary"] = "Cookie"
    return response


@require_GET
@public
def service_worker(request):
    """Never cached by the HTTP cache (the browser also checks it at least daily), so a deploy
    reaches every device on its next page view; the version in the script names its caches."""
    version = selectors.service_worker_version()
    body = render(request, "offline/sw.js", {
        "version": version,
        "shell": selectors.shell_urls(),
        "offline_page": reverse("offline:offline_page"),
        "logout": reverse("accounts:logout"),
        "queue_js": static("offline/queue.js"),
        "shell_json": json.dumps(selectors.shell_urls()),
        "workbox_modules_json": json.dumps(selectors.workbox_module_urls()),
        "workbox_sw": static("vendor/workbox/workbox-sw.js"),
    }, content_type="application/javascript; charset=utf-8")
    body["Cache-Control"] = "no-cache, no-store, max-age=0"
    body["Service-Worker-Allowed"] = "/"
    body["X-Service-Worker-Version"] = version
    return body


@require_GET
@public
def offline_page(request):
    """The page shown for an address neither visited nor downloaded while offline. Both
    languages: the worker keeps one copy for everybody."""
    response = render(request, "offline/offline_page.html")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
@public
def me(request):
    """Who this browser is signed in as, for the device: the queue stamps its statements with
    this account and the page clears the caches when it changes. The CSRF token lets the
    service worker replay the queue (it cannot read cookies)."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"user": None})
    return JsonResponse({"user": user.username, "name": user.get_full_name() or user.username,
                         "homePage": selectors.xapi_home_page(), "csrf": get_token(request)})


@require_GET
@signed_in(json=True)
def course_files(request, course_id: int):
    course = downloadable_course_or_404(request.user, course_id)
    return JsonResponse(selectors.course_download_list(course))
