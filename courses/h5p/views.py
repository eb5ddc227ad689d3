"""Serves unpacked H5P files and the player frame, on the content origin only
(lms.content_origin): no session, no cookie, a strict Content-Security-Policy. Packages are
addressed by content hash and libraries by exact version, so files may be cached for a year."""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from lms.content_origin import site_origin
from lms.content_origin.policy import frame_policy
from lms.units.access import public

from .bundles import bundle_path, package_bundle
from .selectors import installed_library_key, package_by_sha, package_library_keys, parse_activity
from .services import library_dir, package_dir
from .validation import CONTENT_EXTENSIONS, LIBRARY_EXTENSIONS

IMMUTABLE = "public, max-age=31536000, immutable"


def _file_response(base: Path, relative: str, allowed: frozenset[str]) -> FileResponse:
    target = (base / relative).resolve()
    if not str(target).startswith(str(base.resolve()) + "/") or not target.is_file():
        raise Http404
    if target.suffix.lstrip(".").lower() not in allowed:
        raise Http404
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if target.suffix == ".js":
        content_type = "text/javascript"
    # FileResponse closes the file when the response is done.
    response = FileResponse(open(target, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = IMMUTABLE
    return response


@public
@require_GET
def package_file(request, sha256: str, path: str):
    if path != "h5p.json" and not path.startswith("content/"):
        raise Http404
    return _file_response(package_dir(sha256), path, CONTENT_EXTENSIONS)


@public
@require_GET
def library_file(request, sha256: str, folder: str, path: str):
    mapping = package_library_keys(sha256)
    if not mapping or folder not in mapping:
        raise Http404
    return _file_response(library_dir(mapping[folder]), path, LIBRARY_EXTENSIONS)


@public
@require_GET
def library_file_by_key(request, key: str, path: str):
    """An installed library's file by exact version: what bundled stylesheets' url()s name."""
    if not installed_library_key(key):
        raise Http404
    return _file_response(library_dir(key), path, LIBRARY_EXTENSIONS)


_BUNDLE_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}


@public
@require_GET
def bundle_file(request, digest: str, ext: str):
    """A library bundle (bundles.py), addressed by the SHA-256 of its bytes: compressed at
    build time, sent as the client accepts it, cached for a year."""
    accepted = {part.split(";")[0].strip().lower()
                for part in request.headers.get("Accept-Encoding", "").split(",")}
    plain = bundle_path(digest, ext)
    target, encoding = plain, None
    for name, suffix in (("br", ".br"), ("gzip", ".gz")):
        candidate = plain.with_name(plain.name + suffix)
        if name in accepted and candidate.is_file():
            target, encoding = candidate, name
            break
    if not plain.is_file() or not target.is_file():
        raise Http404
    # FileResponse closes the file when the response is done.
    response = FileResponse(open(target, "rb"), content_type=_BUNDLE_TYPES[ext])  # noqa: SIM115
    if encoding:
        response["Content-Encoding"] = encoding
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = IMMUTABLE
    return response


CONTENT_INLINE_MAX = 64 * 1024


def _content_json(sha256: str) -> str | None:
    """content.json's text when small enough to ride in the frame document: on slow mobile data
    its own request was one more round trip (400 ms) before the exercise could start."""
    path = package_dir(sha256) / "content" / "content.json"
    try:
        if path.stat().st_size <= CONTENT_INLINE_MAX:
            return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass  # the player asks for it and gets the file view's answer
    return None


@public
@require_GET
@xframe_options_exempt  # frame-ancestors (the site only) decides who may embed it
def player_frame(request, sha256: str):
    """The document a lesson's sandboxed iframe loads: h5p-standalone for one package, which
    reports xAPI statements about `?activity=` (a lesson's H5P activity IRI on the site) to
    the lesson page."""
    package = package_by_sha(sha256)
    if package is None:
        raise Http404
    activity = request.GET.get("activity", "")
    parts = urlsplit(activity)
    if parse_activity(activity) is None or f"{parts.scheme}://{parts.netloc}" != site_origin():
        return HttpResponseBadRequest(b"activity", content_type="text/plain")
    language = "en" if request.GET.get("lang") == "en" else "vi"
    lesson_id, content_id = parse_activity(activity) or (0, 0)
    libraries = list(package.libraries.all())
    bundle = package_bundle(package, libraries)
    # What h5p-standalone would fetch one round trip after another (h5p.json, then each
    # library.json), handed over in the page; the installed libraries' scripts and styles
    # come in the bundle (frame.js).
    boot = {"manifest": package.manifest,
            "libraries": {lib.folder: lib.definition for lib in libraries},
            "covered": bundle.covered, "content": _content_json(sha256)}
    with translation.override(language):
        html = render_to_string("h5p/frame.html", {
            "package": package, "language": language, "activity": activity,
            "package_path": f"/h5p/p/{sha256}", "parent_origin": site_origin(),
            "frame_id": f"h5p-{lesson_id}-{content_id}",
            "bundle_js": f"/h5p/b/{bundle.js}.js" if bundle.js else "",
            "bundle_css": f"/h5p/b/{bundle.css}.css" if bundle.css else "",
            "boot": boot,
        })
    response = HttpResponse(html)
    response["Content-Security-Policy"] = frame_policy()
    response.content_frame_policy = True  # type: ignore[attr-defined]
    response["Cache-Control"] = "public, max-age=300"
    return response
