"""Validates a SCORM package (a zip with imsmanifest.xml at its root) completely before anything
is written: the checks every package passes (lms.common.zip_packages: paths, symlinks, sizes,
counts, zip bombs), an allow-list of file types, and the manifest (manifest.py)."""

import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.common.zip_packages import (
    PackageInvalid,
    PackageLimits,
    check_members,
    extension,
    upload_too_large,
)

from .manifest import MANIFEST, parse_manifest

# What SCOs exported by iSpring, Captivate, Articulate, Lectora and hand-made ones carry:
# documents, scripts, styles, media, fonts, schemas. No server-side code, no executables,
# no archives; each type is served with its own MIME type and nosniff (views.py).
ALLOWED_EXTENSIONS = frozenset({
    "html", "htm", "xhtml", "js", "mjs", "css", "json", "xml", "xsd", "dtd", "txt", "csv",
    "map", "png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "ico", "tif", "tiff", "eot",
    "ttf", "woff", "woff2", "otf", "mp4", "m4v", "webm", "ogg", "ogv", "oga", "mp3", "m4a",
    "wav", "aac", "vtt", "webvtt", "srt", "pdf", "swf", "doc", "docx", "ppt", "pptx", "xls",
    "xlsx", "glb", "gltf",
})

__all__ = ["PackageInvalid", "ValidatedScorm", "validate_scorm"]


@dataclass
class ValidatedScorm:
    manifest: dict
    members: list[zipfile.ZipInfo]
    total_size: int
    file_count: int


def validate_scorm(fileobj) -> ValidatedScorm:
    """Raises PackageInvalid listing every broken rule."""
    limits = PackageLimits.from_settings("SCORM")
    upload_too_large(fileobj, limits)
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageInvalid([_("Tệp không phải gói SCORM: không đọc được như tệp zip.")]) \
            from None
    errors: list[str] = []
    with archive:
        members = check_members(archive, errors, limits)
        if errors:
            raise PackageInvalid(errors)
        if MANIFEST not in archive.NameToInfo:
            nested = [m.filename for m in members if m.filename.endswith("/" + MANIFEST)]
            hint = (_(" Tệp đang nằm trong thư mục %(folder)s: hãy nén nội dung của thư mục, "
                      "không nén cả thư mục.") % {"folder": nested[0].rsplit("/", 1)[0]}
                    if nested else "")
            raise PackageInvalid([_("imsmanifest.xml: thiếu tệp mô tả gói ở thư mục gốc.")
                                  + hint])
        for member in members:
            ext = extension(member.filename)
            if ext not in ALLOWED_EXTENSIONS:
                errors.append(_("%(file)s: loại tệp “.%(ext)s” không được phép trong gói SCORM.")
                              % {"file": member.filename, "ext": ext or "?"})
        if errors:
            raise PackageInvalid(errors)
        names = {m.filename for m in members}
        manifest = parse_manifest(archive.read(MANIFEST), names)
    return ValidatedScorm(manifest, members, sum(m.file_size for m in members), len(members))
