"""Reads for learning offline: the files of a course download, the service worker's version."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

from courses.models import CoursePage, LessonPage

from .sources import DownloadFile, download_sources

# The shell the service worker keeps from its installation on: what every page needs, and the
# fallback page shown for a page that was never visited or downloaded.
SHELL_STATIC = ("css/site.css", "offline/offline.js", "offline/queue.js", "favicon.svg",
                "offline/icons/icon-192.png", "offline/icons/icon-512.png",
                "offline/icons/icon-maskable-512.png", "h5p/player.js", "h5p/player.css")
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
SW_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "offline" / "sw.js"


def course_download_list(course: CoursePage) -> dict:
    """Every file the course's lessons need offline, in lesson order, without repeats; videos
    are listed apart (optional). Sizes in bytes (pages estimated, see sources.py)."""
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    seen: set[str] = set()
    files: list[DownloadFile] = []
    for lesson in lessons:
        for source in download_sources():
            for item in source(lesson):
                if item.url not in seen:
                    seen.add(item.url)
                    files.append(item)
    required = [item for item in files if not item.optional]
    optional = [item for item in files if item.optional]
    return {"course": course.pk, "title": course.title, "url": course.url,
            "lessons": [lesson.pk for lesson in lessons],
            "files": [{"url": course.url, "bytes": 8 * 1024, "kind": "page", "lesson": 0,
                       "optional": False}] + [item.as_json() for item in required],
            "optional": [item.as_json() for item in optional],
            "total_bytes": 8 * 1024 + sum(item.bytes for item in required),
            "optional_bytes": sum(item.bytes for item in optional)}


def workbox_module_urls() -> dict[str, str]:
    return {name: static(f"vendor/workbox/{name}.prod.js") for name in WORKBOX_MODULES}


def shell_urls() -> list[str]:
    return [static(name) for name in SHELL_STATIC]


@lru_cache(maxsize=1)
def service_worker_version() -> str:
    """Changes whenever a deploy changes a file the worker keeps or runs: the static URLs
    (hashed by the manifest storage in production) and, where the storage does not hash
    (development, tests), the files' own bytes. Computed once per process: a deploy restarts
    the workers."""
    digest = hashlib.sha256()
    names = (*SHELL_STATIC, "vendor/workbox/workbox-sw.js",
             *(f"vendor/workbox/{module}.prod.js" for module in WORKBOX_MODULES))
    files = [finders.find(name) for name in names]
    for name in names:
        digest.update(static(name).encode())
    for found in [*files, SW_TEMPLATE]:
        if found:
            with open(found, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:16]


def xapi_home_page() -> str:
    from django.conf import settings

    return settings.XAPI_HOMEPAGE.rstrip("/")
