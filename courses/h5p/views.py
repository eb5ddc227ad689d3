"""Serves unpacked H5P files. Packages are addressed by content hash and libraries by exact
version, so every response may be cached for a year."""

import mimetypes
from pathlib import Path

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from .selectors import package_library_keys
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
    if target.suffix.lower() not in (".js", ".css"):
        # A library's svg/html opened directly must not run script on our origin.
        response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self' data:"
    return response


@require_GET
def package_file(request, sha256: str, path: str):
    if path != "h5p.json" and not path.startswith("content/"):
        raise Http404
    return _file_response(package_dir(sha256), path, CONTENT_EXTENSIONS)


@require_GET
def library_file(request, sha256: str, folder: str, path: str):
    mapping = package_library_keys(sha256)
    if not mapping or folder not in mapping:
        raise Http404
    return _file_response(library_dir(mapping[folder]), path, LIBRARY_EXTENSIONS)
