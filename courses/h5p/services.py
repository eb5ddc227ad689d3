"""Storing H5P packages: validate everything first, then unpack into a temporary folder and
move it into place with one rename, so a failure never leaves a half-unpacked package."""

import logging
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from lms.common.zip_packages import extract_members as _extract
from lms.common.zip_packages import file_sha256 as _sha256
from lms.common.zip_packages import move_into_place as _move_into_place

from .bundles import package_bundle
from .libraries import installed_folders, libraries_to_install, refuse_installs
from .models import H5PContent, H5PLibrary, H5PPackage
from .validation import (
    LibraryInfo,
    PackageInvalid,
    ValidatedPackage,
    dependency_folders,
    validate_package,
)

logger = logging.getLogger(__name__)


def h5p_root() -> Path:
    return Path(settings.H5P_ROOT or Path(settings.MEDIA_ROOT) / "h5p")


def package_dir(sha256: str) -> Path:
    return h5p_root() / "packages" / sha256


def library_dir(key: str) -> Path:
    return h5p_root() / "libraries" / key


def _library_record(info: LibraryInfo) -> H5PLibrary:
    defaults = {"title": str(info.definition.get("title", ""))[:255],
                "runnable": bool(info.definition.get("runnable")),
                "definition": info.definition}
    try:
        with transaction.atomic():
            lib, _created = H5PLibrary.objects.get_or_create(
                machine_name=info.machine_name, major_version=info.major,
                minor_version=info.minor, patch_version=info.patch, defaults=defaults)
    except IntegrityError:
        lib = H5PLibrary.objects.get(machine_name=info.machine_name, major_version=info.major,
                                     minor_version=info.minor, patch_version=info.patch)
    return lib


def _unpack(fileobj, validated: ValidatedPackage, sha256: str,
            to_install: list[LibraryInfo]) -> None:
    root = h5p_root()
    (root / "tmp").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(fileobj) as archive:
        # Libraries first, only those being installed: a version already on disk is kept
        # (versions are immutable in H5P), and an uploader who may not install gets nothing
        # of a package's library folders written.
        for info in to_install:
            final = library_dir(info.key)
            if final.exists():
                continue
            staging = Path(tempfile.mkdtemp(dir=root / "tmp", prefix="lib-"))
            try:
                _extract(archive, info.members, staging, strip=f"{info.folder}/")
                _move_into_place(staging, final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        final = package_dir(sha256)
        if final.exists():
            return
        staging = Path(tempfile.mkdtemp(dir=root / "tmp", prefix="pkg-"))
        try:
            _extract(archive, [archive.getinfo("h5p.json"), *validated.content_members], staging)
            _move_into_place(staging, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def h5p_package_store(fileobj, *, install_libraries: bool = False) -> H5PPackage:
    """Validate and store a package; the same file stored twice gives the same H5PPackage.
    A package may bring libraries that are not installed yet (a new content type, or a newer
    version) only with `install_libraries` (a platform administrator's upload, see
    permissions.can_install_libraries, or the demo data); otherwise it is refused naming them.
    Raises PackageInvalid (nothing written) when any rule is broken."""
    sha256 = _sha256(fileobj)
    existing = H5PPackage.objects.filter(sha256=sha256).first()
    if existing and package_dir(sha256).exists():
        return existing
    installed = installed_folders()
    validated = validate_package(fileobj, known_libraries=set(installed))
    to_install = libraries_to_install(validated, installed)
    if to_install and not install_libraries:
        refuse_installs(to_install, installed)
    fileobj.seek(0)
    _unpack(fileobj, validated, sha256, to_install)
    with transaction.atomic():
        by_folder = dict(installed)
        by_folder.update({info.folder: _library_record(info) for info in to_install})
        main = by_folder[validated.main_library.folder]
        package, _created = H5PPackage.objects.get_or_create(sha256=sha256, defaults={
            "title": str(validated.manifest.get("title", ""))[:255] or main.title,
            "main_library": main, "manifest": validated.manifest,
            "size_bytes": validated.total_size, "file_count": validated.file_count,
        })
        # The package's own libraries and every dependency, resolved to what is installed.
        needed = _all_dependency_folders(validated, by_folder)
        package.libraries.add(*[by_folder[f] for f in needed if f in by_folder])
    # The player's library bundle, built now so the first learner does not wait for it
    # (the frame view builds it too, should this fail or the files be moved).
    try:
        package_bundle(package)
    except OSError:
        logger.exception("H5P bundle for package %s not built", sha256)
    return package


def _all_dependency_folders(validated: ValidatedPackage, by_folder) -> set[str]:
    """The manifest's dependencies, each resolved library's own, transitively."""
    folders = set(dependency_folders(validated.manifest)) | set(validated.libraries)
    pending = list(folders)
    while pending:
        lib = by_folder.get(pending.pop())
        for dep in dependency_folders(lib.definition) if lib is not None else []:
            if dep not in folders:
                folders.add(dep)
                pending.append(dep)
    return folders


def h5p_content_create(*, title: str, fileobj, uploaded_by=None,
                       install_libraries: bool = False) -> H5PContent:
    package = h5p_package_store(fileobj, install_libraries=install_libraries)
    return H5PContent.objects.create(title=title or package.title, package=package,
                                     uploaded_by=uploaded_by)


__all__ = ["PackageInvalid", "h5p_content_create", "h5p_package_store", "h5p_root",
           "library_dir", "package_dir"]
