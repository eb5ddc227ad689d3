"""Storing SCORM packages: validate everything first (validation.py), then unpack into a
staging folder moved into place with one rename, keyed by the zip's SHA-256 — the H5P way
(lms.common.zip_packages), so a failure never leaves a half-unpacked package."""

import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from lms.common.zip_packages import (
    PackageInvalid,
    extract_members,
    file_sha256,
    move_into_place,
)

from ..models import ScormPackage
from ..validation import ValidatedScorm, validate_scorm


def scorm_root() -> Path:
    return Path(getattr(settings, "SCORM_ROOT", None) or Path(settings.MEDIA_ROOT) / "scorm")


def package_dir(sha256: str) -> Path:
    return scorm_root() / "packages" / sha256


@dataclass
class StoredScorm:
    sha256: str
    validated: ValidatedScorm


def scorm_package_store(fileobj) -> StoredScorm:
    """Validate and unpack; the same zip twice is unpacked once. Raises PackageInvalid
    (nothing written) when any rule is broken."""
    sha256 = file_sha256(fileobj)
    validated = validate_scorm(fileobj)
    final = package_dir(sha256)
    if not final.exists():
        (scorm_root() / "tmp").mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=scorm_root() / "tmp", prefix="pkg-"))
        try:
            fileobj.seek(0)
            with zipfile.ZipFile(fileobj) as archive:
                extract_members(archive, validated.members, staging)
            move_into_place(staging, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return StoredScorm(sha256, validated)


def scorm_package_validate_upload(fileobj) -> StoredScorm:
    """The admin form's step: files unpacked by hash, the record filled on save."""
    return scorm_package_store(fileobj)


def scorm_package_fill(package: ScormPackage, stored: StoredScorm, *, uploaded_by=None) -> None:
    """Set a (new or replaced) package record's fields from a stored upload; not saved."""
    manifest = stored.validated.manifest
    package.sha256 = stored.sha256
    package.version = manifest["version"]
    package.edition = manifest["edition"]
    package.manifest = manifest
    package.size_bytes = stored.validated.total_size
    package.file_count = stored.validated.file_count
    if not package.title:
        package.title = (manifest.get("title") or "SCORM")[:255]
    if uploaded_by is not None and getattr(uploaded_by, "is_authenticated", False) \
            and package.uploaded_by_id is None:
        package.uploaded_by = uploaded_by


def scorm_package_create(*, fileobj, title: str = "", uploaded_by=None) -> ScormPackage:
    """Store and record a package (tests, demo data, the test kit)."""
    stored = scorm_package_store(fileobj)
    package = ScormPackage(title=title[:255])
    scorm_package_fill(package, stored, uploaded_by=uploaded_by)
    package.save()
    return package


__all__ = ["PackageInvalid", "StoredScorm", "package_dir", "scorm_package_create",
           "scorm_package_fill", "scorm_package_store", "scorm_package_validate_upload",
           "scorm_root"]
