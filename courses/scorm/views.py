"""Served on the content origin only (lms.content_origin.urls): package files by content hash
and the player frame. No session, no cookie; the CSPs of policy.py (and why they allow what
they allow)."""

import mimetypes
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from lms.common.zip_packages import extension
from lms.content_origin import site_origin
from lms.units.access import public

from .policy import player_policy, sco_policy
from .selectors import package_by_sha
from .services import package_dir
from .validation import ALLOWED_EXTENSIONS

IMMUTABLE = "public, max-age=31536000, immutable"
# What mimetypes may not know, or guesses differently per system.
MIME_TYPES = {
    "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8", "html": "text/html", "htm": "text/html",
    "xhtml": "application/xhtml+xml", "json": "application/json", "xml": "application/xml",
    "xsd": "application/xml", "dtd": "application/xml-dtd", "svg": "image/svg+xml",
    "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject", "webp": "image/webp", "vtt": "text/vtt",
    "webvtt": "text/vtt", "srt": "text/plain; charset=utf-8", "mp4": "video/mp4",
    "m4v": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "m4a": "audio/mp4",
    "ogg": "audio/ogg", "oga": "audio/ogg", "ogv": "video/ogg", "wav": "audio/wav",
    "aac": "audio/aac", "swf": "application/x-shockwave-flash", "map": "application/json",
    "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
    "glb": "model/gltf-binary", "gltf": "model/gltf+json",
}


@public
@require_GET
@xframe_options_exempt  # the CSP's frame-ancestors decides who may embed a SCO
def package_file(request, sha256: str, path: str):
    base = package_dir(sha256)
    target = (base / path).resolve()
    if not str(target).startswith(str(base.resolve()) + "/") or not target.is_file():
        raise Http404
    ext = extension(target.name)
    if ext not in ALLOWED_EXTENSIONS:
        raise Http404
    content_type = MIME_TYPES.get(ext) or mimetypes.guess_type(target.name)[0] \
        or "application/octet-stream"
    # FileResponse closes the file when the response is done.
    response = FileResponse(open(target, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = IMMUTABLE
    response["Content-Security-Policy"] = sco_policy()
    response.content_frame_policy = True  # type: ignore[attr-defined]
    return response


@public
@require_GET
@xframe_options_exempt  # frame-ancestors (the site only) decides who may embed it
def player_frame(request, sha256: str):
    """The document a lesson's SCORM iframe loads: scorm-again's API for the package's version
    (frame.js), and the SCO in a nested iframe of the same origin. It knows nothing of the
    learner until the lesson page sends the saved state by postMessage."""
    package = package_by_sha(sha256)
    if package is None or not Path(package_dir(sha256)).is_dir():
        raise Http404
    language = "en" if request.GET.get("lang") == "en" else "vi"
    boot = {"version": package.version, "scos": [
        {"identifier": s["identifier"], "title": s["title"], "href": s["href"],
         "masteryscore": s.get("masteryscore"),
         "scaled_passing_score": s.get("scaled_passing_score"),
         "completion_threshold": s.get("completion_threshold"),
         "data_from_lms": s.get("data_from_lms") or ""} for s in package.scos]}
    with translation.override(language):
        html = render_to_string("scorm/frame.html", {
            "package": package, "language": language, "boot": boot,
            "package_path": f"/scorm/p/{sha256}/", "parent_origin": site_origin(),
            "api_script": "scorm2004" if package.version == "2004" else "scorm12",
        })
    response = HttpResponse(html)
    response["Content-Security-Policy"] = player_policy()
    response.content_frame_policy = True  # type: ignore[attr-defined]
    response["Cache-Control"] = "public, max-age=300"
    return response
