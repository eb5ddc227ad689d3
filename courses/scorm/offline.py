"""A SCORM lesson's files for a course download (issue 22, lms/offline/sources.py): the player
frame at the exact address the lesson's iframe asks for, its scripts, and every file of the
package, all on the content origin. Registered from ScormConfig.ready(). Offline play of these
files is not built: see docs/features/offline.md ("H5P and SCORM offline")."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, urlencode

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.translation import get_language

from lms.offline.sources import PAGE_BYTES_ESTIMATE, DownloadFile

from .selectors import lesson_scorm_package_ids
from .services import package_dir


def _static_file(name: str, lesson_id: int) -> DownloadFile:
    from lms.content_origin import content_origin

    found = finders.find(name)
    size = Path(found).stat().st_size if found else 0
    return DownloadFile(url=content_origin() + static(name), bytes=size, kind="scorm",
                        lesson=lesson_id)


def scorm_lesson_files(lesson) -> Iterable[DownloadFile]:
    from lms.content_origin import content_origin, content_url

    from .models import ScormPackage

    ids = lesson_scorm_package_ids(lesson)
    if not ids:
        return
    packages = {package.pk: package for package in ScormPackage.objects.filter(pk__in=ids)}
    for package_id in ids:
        package = packages.get(package_id)
        if package is None:
            continue
        query = urlencode({"lang": "en" if get_language() == "en" else "vi"})
        yield DownloadFile(url=f"{content_url('scorm:player_frame', package.sha256)}?{query}",
                           bytes=PAGE_BYTES_ESTIMATE, kind="scorm", lesson=lesson.pk)
        api = "scorm2004" if package.version == "2004" else "scorm12"
        for name in ("scorm/frame.css", "scorm/frame.js", f"vendor/scorm-again/{api}.min.js"):
            yield _static_file(name, lesson.pk)
        root = package_dir(package.sha256)
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = quote(path.relative_to(root).as_posix())
            yield DownloadFile(url=f"{content_origin()}/scorm/p/{package.sha256}/{relative}",
                               bytes=path.stat().st_size, kind="scorm", lesson=lesson.pk)
