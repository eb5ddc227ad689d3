"""What a course download fetches, lesson by lesson: one *source* per kind of content, each a
function `(lesson, context) -> iterable of DownloadFile`. The lesson page itself, its images
(the one rendition the page shows, width-800 WebP: the smallest the page ever asks for),
documents, videos (listed as optional: never downloaded unless asked) and H5P players are
built in; another app adds its package files from its AppConfig.ready():

    from lms.offline.sources import download_source_register
    download_source_register(scorm_lesson_files)

(courses/scorm/ once it exists; see docs/features/offline.md, "Adding a kind of content")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.utils.translation import get_language

# A signed-in lesson page is 4–6 KB (bench/README.md); the download counts 8 KB per page
# before it knows, and the page adds what it really fetched.
PAGE_BYTES_ESTIMATE = 8 * 1024
IMAGE_SPEC = "width-800|format-webp"  # as templates/courses/blocks/image.html


@dataclass(frozen=True)
class DownloadFile:
    url: str
    bytes: int
    kind: str  # page, image, document, video, h5p, scorm …
    lesson: int
    optional: bool = False  # videos: offered, never fetched unless the learner asks

    def as_json(self) -> dict:
        return {"url": self.url, "bytes": self.bytes, "kind": self.kind,
                "lesson": self.lesson, "optional": self.optional}


DownloadSource = Callable[[object], Iterable[DownloadFile]]
_SOURCES: list[DownloadSource] = []


def download_source_register(source: DownloadSource) -> DownloadSource:
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def download_sources() -> list[DownloadSource]:
    return list(_SOURCES)


def _file_size(field) -> int:
    try:
        return int(field.size)
    except (OSError, ValueError, AttributeError):
        return 0


@download_source_register
def lesson_page_files(lesson) -> Iterable[DownloadFile]:
    yield DownloadFile(url=lesson.url, bytes=PAGE_BYTES_ESTIMATE, kind="page", lesson=lesson.pk)


@download_source_register
def lesson_media_files(lesson) -> Iterable[DownloadFile]:
    for block in lesson.body:
        value = block.value
        if block.block_type == "image" and value.get("image") is not None:
            rendition = value["image"].get_rendition(IMAGE_SPEC)
            yield DownloadFile(url=rendition.url, bytes=_file_size(rendition.file),
                               kind="image", lesson=lesson.pk)
        elif block.block_type == "document" and value.get("document") is not None:
            document = value["document"]
            yield DownloadFile(url=document.url, bytes=document.file_size or 0,
                               kind="document", lesson=lesson.pk)
        elif block.block_type == "video_file" and value.get("video") is not None:
            video = value["video"]
            yield DownloadFile(url=video.url, bytes=video.file_size or 0, kind="video",
                               lesson=lesson.pk, optional=True)


@download_source_register
def lesson_h5p_files(lesson) -> Iterable[DownloadFile]:
    """The player frame (the exact address the lesson's iframe asks for), the library bundles
    and the package's own files, all on the content origin."""
    from courses.h5p.bundles import bundle_path, package_bundle
    from courses.h5p.selectors import activity_path
    from courses.h5p.services import package_dir
    from lms.content_origin import content_origin, content_url, site_origin

    for block in lesson.body:
        if block.block_type != "h5p" or block.value.get("content") is None:
            continue
        content = block.value["content"]
        package = content.package
        activity = site_origin() + activity_path(lesson.pk, content.pk)
        query = urlencode({"activity": activity, "lang": "en" if get_language() == "en" else "vi"})
        yield DownloadFile(url=f"{content_url('h5p:player_frame', package.sha256)}?{query}",
                           bytes=PAGE_BYTES_ESTIMATE, kind="h5p", lesson=lesson.pk)
        bundle = package_bundle(package)
        for digest, ext in ((bundle.js, "js"), (bundle.css, "css")):
            if digest:
                path = bundle_path(digest, ext)
                yield DownloadFile(url=f"{content_origin()}/h5p/b/{digest}.{ext}",
                                   bytes=path.stat().st_size if path.is_file() else 0,
                                   kind="h5p", lesson=lesson.pk)
        root = package_dir(package.sha256)
        for path in sorted(_package_files(root)):
            yield DownloadFile(url=f"{content_origin()}/h5p/p/{package.sha256}/"
                                   f"{path.relative_to(root).as_posix()}",
                               bytes=path.stat().st_size, kind="h5p", lesson=lesson.pk)


def _package_files(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return (path for path in root.rglob("*")
            if path.is_file() and "libraries" not in path.relative_to(root).parts)
