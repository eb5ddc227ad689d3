"""Reads for the player and for xAPI projection: activity IRIs and pass marks."""

import re
from urllib.parse import urlsplit

from django.core.cache import cache

from .models import H5PPackage

ACTIVITY_PATH = "/xapi/activities/lessons/{lesson_id}/h5p/{content_id}"
_ACTIVITY_RE = re.compile(r"^/xapi/activities/lessons/(\d+)/h5p/(\d+)/?$")
TTL_SECONDS = 15 * 60


def activity_path(lesson_id: int, content_id: int) -> str:
    """The path of the activity IRI; the page adds its own origin, so the cached lesson body is
    the same on every host."""
    return ACTIVITY_PATH.format(lesson_id=lesson_id, content_id=content_id)


def parse_activity(iri: str) -> tuple[int, int] | None:
    """(lesson id, H5P content id) for a top-level H5P activity of a lesson, else None.
    Sub-content activities carry `?subContentId=` and never match."""
    parts = urlsplit(iri or "")
    if parts.query or parts.fragment:
        return None
    match = _ACTIVITY_RE.match(parts.path)
    return (int(match.group(1)), int(match.group(2))) if match else None


def lesson_h5p_pass_mark(lesson, content_id: int) -> int | None:
    """The pass mark of the lesson's H5P block showing `content_id`, None when the lesson has
    no such block. Cached per content version (a publish changes the key)."""
    from lms.pagecache.versioning import content_version

    key = f"h5p:passmark:{content_version()}:{lesson.pk}:{content_id}"
    found = cache.get(key)
    if found is None:
        found = -1
        for item in lesson.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "h5p" and value.get("content") == content_id:
                found = int(value.get("pass_mark") or 0)
                break
        cache.set(key, found, TTL_SECONDS)
    return None if found < 0 else found


def package_library_keys(sha256: str) -> dict[str, str] | None:
    """Player folder (machineName-major.minor) → stored library (…major.minor.patch) for one
    package, cached: library files are served on every player load."""
    key = f"h5p:libs:{sha256}"
    mapping = cache.get(key)
    if mapping is None:
        package = H5PPackage.objects.filter(sha256=sha256).first()
        if package is None:
            return None
        mapping = {lib.folder: lib.key for lib in package.libraries.all()}
        cache.set(key, mapping, TTL_SECONDS)
    return mapping


def package_by_sha(sha256: str) -> H5PPackage | None:
    return H5PPackage.objects.filter(sha256=sha256).first()


def installed_library_key(key: str) -> bool:
    """True when `key` (machineName-major.minor.patch) is an installed library (cached)."""
    from .models import H5PLibrary

    cache_key = f"h5p:installed:{key}"
    found = cache.get(cache_key)
    if found is None:
        name, _sep, version = key.rpartition("-")
        parts = version.split(".")
        found = len(parts) == 3 and all(p.isdigit() for p in parts) and H5PLibrary.objects.filter(
            machine_name=name, major_version=int(parts[0]), minor_version=int(parts[1]),
            patch_version=int(parts[2])).exists()
        if found:  # a refusal is not remembered: the library may be installed next minute
            cache.set(cache_key, True, TTL_SECONDS)
    return bool(found)
