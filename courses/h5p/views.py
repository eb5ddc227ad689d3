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

from .selectors import package_by_sha, package_library_keys, parse_activity
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
    with translation.override(language):
        html = render_to_string("h5p/frame.html", {
            "package": package, "language": language, "activity": activity,
            "package_path": f"/h5p/p/{sha256}", "parent_origin": site_origin(),
            "frame_id": f"h5p-{lesson_id}-{content_id}",
        })
    response = HttpResponse(html)
    response["Content-Security-Policy"] = frame_policy()
    response.content_frame_policy = True  # type: ignore[attr-defined]
    response["Cache-Control"] = "public, max-age=300"
    return response
