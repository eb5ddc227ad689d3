"""Validates a .h5p package completely before anything is written to storage.

A .h5p file is a zip holding h5p.json, content/ (content.json and media) and one folder per
library (machineName-major.minor) with its library.json. Every refusal names the file and the
rule, in Vietnamese, so a teacher knows what to fix."""

import re
import zipfile
from collections.abc import Set
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lms.common.zip_packages import PackageInvalid, PackageLimits, check_members, upload_too_large
from lms.common.zip_packages import extension as _extension
from lms.jsonio import JSONInputError, json_read

# H5P core's default whitelist (h5p.classes.php), minus svg/xml/html/js in content.
CONTENT_EXTENSIONS = frozenset({
    "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "eot", "ttf", "woff", "woff2",
    "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx", "xls",
    "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "swf", "md", "textile",
    "vtt", "webvtt", "gltf", "glb",
})
# Libraries may also carry code and styles: that is what a content type is.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml", "html", "map"}
ROOT_FILES = frozenset({"h5p.json"})
MACHINE_NAME = re.compile(r"^[A-Za-z][\w\-.]{1,126}$")
LIBRARY_FOLDER = re.compile(r"^(?P<name>[A-Za-z][\w\-.]*?)-(?P<major>\d+)\.(?P<minor>\d+)$")
REQUIRED_H5P_FIELDS = ("title", "mainLibrary", "language", "preloadedDependencies", "embedTypes")
REQUIRED_LIBRARY_FIELDS = ("title", "machineName", "majorVersion", "minorVersion",
                           "patchVersion", "runnable")
# Library files a browser renders as a document (and would run script in): checked for script.
MARKUP_EXTENSIONS = frozenset({"html", "svg", "xml"})
# Script in markup: script/handler elements and attributes, script URLs, external entities and
# stylesheets. Matched case-insensitively, on the text with whitespace and NUL removed and on
# the text with whitespace collapsed.
MARKUP_SCRIPT = re.compile(
    r"<(?:[\w.\-]+:)?(?:script|iframe|object|embed|foreignobject|handler)|<!entity"
    r"|<\?xml-stylesheet"
    r"|javascript:|vbscript:|data:text/html|<[^>]*\son[a-z]+\s?=",
    re.IGNORECASE)

__all__ = ["PackageInvalid", "LibraryInfo", "ValidatedPackage", "dependency_folders",
           "validate_package"]


@dataclass
class LibraryInfo:
    folder: str  # as in the zip: machineName-major.minor
    machine_name: str
    major: int
    minor: int
    patch: int
    definition: dict
    members: list[zipfile.ZipInfo] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}.{self.patch}"


@dataclass
class ValidatedPackage:
    manifest: dict
    content: dict
    content_members: list[zipfile.ZipInfo]
    libraries: dict[str, LibraryInfo]  # folder → info
    total_size: int
    file_count: int

    @property
    def main_library(self) -> LibraryInfo:
        return next(lib for lib in self.libraries.values()
                    if lib.machine_name == self.manifest["mainLibrary"]
                    and lib.definition.get("runnable"))


def _read_json(archive: zipfile.ZipFile, name: str, errors: list[str]) -> dict | None:
    try:
        data = json_read(archive.read(name))  # depth limit, finite numbers, no NUL
    except JSONInputError as exc:
        errors.append(_("%(file)s: không phải JSON hợp lệ (%(error)s).")
                      % {"file": name, "error": exc.message})
        return None
    if not isinstance(data, dict):
        errors.append(_("%(file)s: phải là một đối tượng JSON.") % {"file": name})
        return None
    return data


def _markup_has_script(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    raw = archive.read(member)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="ignore")
    else:
        text = raw.decode("utf-8", errors="ignore")
    # Browsers ignore whitespace and NUL inside "java script:" and around "=".
    squeezed = re.sub(r"[\s\x00]+", "", text)
    spaced = re.sub(r"\s+", " ", text.replace("\x00", ""))
    return bool(MARKUP_SCRIPT.search(squeezed) or MARKUP_SCRIPT.search(spaced))


def _check_library(archive, folder: str, members, errors) -> LibraryInfo | None:
    name = f"{folder}/library.json"
    if name not in archive.NameToInfo:
        errors.append(_("%(folder)s: thiếu library.json.") % {"folder": folder})
        return None
    definition = _read_json(archive, name, errors)
    if definition is None:
        return None
    missing = [f for f in REQUIRED_LIBRARY_FIELDS if f not in definition]
    if missing:
        errors.append(_("%(file)s: thiếu trường bắt buộc %(fields)s.")
                      % {"file": name, "fields": ", ".join(missing)})
        return None
    try:
        major, minor, patch = (int(definition[k]) for k in
                               ("majorVersion", "minorVersion", "patchVersion"))
    except (TypeError, ValueError):
        errors.append(_("%(file)s: số phiên bản phải là số nguyên.") % {"file": name})
        return None
    machine = str(definition["machineName"])
    if not MACHINE_NAME.match(machine) or folder != f"{machine}-{major}.{minor}":
        errors.append(_("%(file)s: tên thư mục phải là %(expected)s.")
                      % {"file": name, "expected": f"{machine}-{major}.{minor}"})
        return None
    for key in ("preloadedJs", "preloadedCss"):
        for entry in definition.get(key) or []:
            path = f"{folder}/{entry.get('path', '')}" if isinstance(entry, dict) else ""
            if path not in archive.NameToInfo:
                errors.append(_("%(file)s: tệp khai báo trong %(key)s không có trong gói: "
                                "%(path)s.") % {"file": name, "key": key, "path": path})
    return LibraryInfo(folder, machine, major, minor, patch, definition, members)


def dependency_folders(definition: dict) -> list[str]:
    result = []
    for dep in definition.get("preloadedDependencies") or []:
        if isinstance(dep, dict):
            result.append(f"{dep.get('machineName')}-{dep.get('majorVersion')}."
                          f"{dep.get('minorVersion')}")
    return result


def validate_package(fileobj, *, known_libraries: Set[str] = frozenset()) -> ValidatedPackage:
    """Raises PackageInvalid listing every broken rule. `known_libraries` holds folders
    (machineName-major.minor) already installed, which a package may leave out."""
    errors: list[str] = []
    limits = PackageLimits.from_settings("H5P")
    upload_too_large(fileobj, limits)
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageInvalid([_("Tệp không phải gói H5P: không đọc được như tệp zip.")]) from None
    with archive:
        members = check_members(archive, errors, limits)
        if errors:
            raise PackageInvalid(errors)
        if "h5p.json" not in archive.NameToInfo:
            raise PackageInvalid([_("h5p.json: thiếu tệp mô tả gói ở thư mục gốc.")])
        manifest = _read_json(archive, "h5p.json", errors)
        if manifest is not None:
            missing = [f for f in REQUIRED_H5P_FIELDS if f not in manifest]
            if missing:
                errors.append(_("h5p.json: thiếu trường bắt buộc %(fields)s.")
                              % {"fields": ", ".join(missing)})
        content_members: list[zipfile.ZipInfo] = []
        by_folder: dict[str, list[zipfile.ZipInfo]] = {}
        for member in members:
            name = member.filename
            top = name.split("/", 1)[0]
            ext = _extension(name)
            if name in ROOT_FILES:
                continue
            if "/" not in name:
                errors.append(_("%(file)s: tệp không được phép ở thư mục gốc của gói.")
                              % {"file": name})
            elif top == "content":
                if ext not in CONTENT_EXTENSIONS:
                    errors.append(_("%(file)s: phần mở rộng “.%(ext)s” không được phép trong "
                                    "content/.") % {"file": name, "ext": ext})
                content_members.append(member)
            elif LIBRARY_FOLDER.match(top):
                if ext not in LIBRARY_EXTENSIONS:
                    errors.append(_("%(file)s: phần mở rộng “.%(ext)s” không được phép.")
                                  % {"file": name, "ext": ext})
                elif ext in MARKUP_EXTENSIONS and _markup_has_script(archive, member):
                    errors.append(_("%(file)s: tệp .%(ext)s trong thư viện chứa mã chạy được "
                                    "(script, thuộc tính on…, javascript:), không được phép.")
                                  % {"file": name, "ext": ext})
                by_folder.setdefault(top, []).append(member)
            else:
                errors.append(_("%(file)s: thư mục “%(folder)s” không phải thư viện H5P "
                                "(tên-thư-viện-chính.phụ).") % {"file": name, "folder": top})
        if "content/content.json" not in archive.NameToInfo:
            errors.append(_("content/content.json: thiếu tệp nội dung."))
            content = None
        else:
            content = _read_json(archive, "content/content.json", errors)
        libraries = {}
        for folder, lib_members in sorted(by_folder.items()):
            info = _check_library(archive, folder, lib_members, errors)
            if info:
                libraries[folder] = info
        if manifest is not None and not errors:
            _check_dependencies(manifest, libraries, set(known_libraries), errors)
    if errors or manifest is None:  # a missing manifest always adds an error
        raise PackageInvalid(errors)
    return ValidatedPackage(manifest, content or {}, content_members, libraries,
                            sum(m.file_size for m in members), len(members))


def _check_dependencies(manifest, libraries, known, errors) -> None:
    available = set(libraries) | known
    for dep in dependency_folders(manifest):
        if dep not in available:
            errors.append(_("h5p.json: thư viện phụ thuộc %(dep)s không có trong gói.")
                          % {"dep": dep})
    for folder, info in libraries.items():
        for dep in dependency_folders(info.definition):
            if dep not in available:
                errors.append(_("%(folder)s/library.json: thư viện phụ thuộc %(dep)s không có "
                                "trong gói.") % {"folder": folder, "dep": dep})
    main = manifest.get("mainLibrary")
    if not any(i.machine_name == main and i.definition.get("runnable")
               for i in libraries.values()):
        errors.append(_("h5p.json: thư viện chính %(main)s không có trong gói hoặc không chạy "
                        "được.") % {"main": main})
