"""What every uploaded zip package (H5P, SCORM) must pass before a byte of it is written, and
how it is unpacked: safe paths, no symlinks, no encryption, whole-package size and file count,
compression ratios (zip bombs), then extraction into a staging folder moved into place with
one rename, keyed by the upload's SHA-256. The package formats (courses/h5p/validation.py,
courses/scorm/validation.py) add their own rules on top: allow-listed types, manifests.

Every refusal names the file and the rule, in Vietnamese (English through the .po), so a
teacher knows what to fix."""

import hashlib
import os
import posixpath
import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 1024 * 1024
# Files smaller than this are not ratio-checked one by one (small text compresses well);
# the whole package's ratio still counts them.
RATIO_MIN_FILE_BYTES = 64 * 1024
RATIO_MIN_TOTAL_BYTES = 1024 * 1024


class PackageInvalid(ValueError):
    """The package breaks one or more rules; `errors` lists every message found."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class PackageLimits:
    max_upload: int
    max_files: int
    max_unpacked: int
    max_ratio: int

    @classmethod
    def from_settings(cls, prefix: str) -> "PackageLimits":
        """`<prefix>_MAX_UPLOAD_BYTES`, `_MAX_FILES`, `_MAX_UNPACKED_BYTES`,
        `_MAX_COMPRESSION_RATIO` (H5P's values where a format sets none)."""
        def value(name: str, default: int) -> int:
            return int(getattr(settings, f"{prefix}_{name}",
                               getattr(settings, f"H5P_{name}", default)))
        return cls(max_upload=value("MAX_UPLOAD_BYTES", 100 * 1024 * 1024),
                   max_files=value("MAX_FILES", 2000),
                   max_unpacked=value("MAX_UNPACKED_BYTES", 150 * 1024 * 1024),
                   max_ratio=value("MAX_COMPRESSION_RATIO", 100))


def safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    normal = posixpath.normpath(name)
    return not (normal.startswith("../") or normal == ".." or "/../" in f"/{name}/")


def extension(name: str) -> str:
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def is_symlink(member: zipfile.ZipInfo) -> bool:
    """Unix zips keep the file mode in the high 16 bits of external_attr."""
    return stat.S_ISLNK(member.external_attr >> 16)


def upload_too_large(fileobj, limits: PackageLimits) -> None:
    size = getattr(fileobj, "size", None)
    if size is not None and size > limits.max_upload:
        raise PackageInvalid([_("Tệp nặng %(size)s MB, vượt giới hạn %(limit)s MB.")
                              % {"size": size // (1024 * 1024),
                                 "limit": limits.max_upload // (1024 * 1024)}])


def check_members(archive: zipfile.ZipFile, errors: list[str],
                  limits: PackageLimits) -> list[zipfile.ZipInfo]:
    """Paths, kinds, counts, sizes and compression ratios, from the zip directory alone (the
    declared sizes bind: unpacking stops at them)."""
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > limits.max_files:
        errors.append(_("Gói có %(count)s tệp, vượt giới hạn %(limit)s tệp.")
                      % {"count": len(members), "limit": limits.max_files})
        return []
    total = compressed = 0
    for member in members:
        if not safe_name(member.filename):
            errors.append(_("%(file)s: đường dẫn tuyệt đối hoặc chứa “..” không được phép.")
                          % {"file": member.filename})
            continue
        if is_symlink(member):
            errors.append(_("%(file)s: liên kết tượng trưng (symlink) không được phép trong "
                            "gói.") % {"file": member.filename})
        if member.flag_bits & 0x1:
            errors.append(_("%(file)s: tệp được mã hóa không được phép.")
                          % {"file": member.filename})
        total += member.file_size
        compressed += member.compress_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_FILE_BYTES and ratio > limits.max_ratio:
            errors.append(_("%(file)s: tỉ lệ nén %(ratio)d:1 vượt giới hạn %(limit)d:1 "
                            "(nghi ngờ bom nén).")
                          % {"file": member.filename, "ratio": ratio,
                             "limit": limits.max_ratio})
    if total > limits.max_unpacked:
        errors.append(_("Gói giải nén ra %(size)s MB, vượt giới hạn %(limit)s MB.")
                      % {"size": total // (1024 * 1024),
                         "limit": limits.max_unpacked // (1024 * 1024)})
    # Many small files each under the per-file threshold: the whole package's ratio.
    whole = total / max(compressed, 1)
    if total > RATIO_MIN_TOTAL_BYTES and whole > limits.max_ratio:
        errors.append(_("Cả gói có tỉ lệ nén %(ratio)d:1 (%(size)s MB từ %(packed)s KB), vượt "
                        "giới hạn %(limit)d:1 (nghi ngờ bom nén).")
                      % {"ratio": whole, "size": total // (1024 * 1024),
                         "packed": compressed // 1024, "limit": limits.max_ratio})
    return members


def file_sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def extract_members(archive: zipfile.ZipFile, members, target: Path, strip: str = "") -> None:
    for member in members:
        relative = member.filename[len(strip):] if strip else member.filename
        destination = (target / relative).resolve()
        if not str(destination).startswith(str(target.resolve()) + os.sep):
            raise PackageInvalid([_("%(file)s: đường dẫn ra ngoài thư mục gói.")
                                  % {"file": member.filename}])
        destination.parent.mkdir(parents=True, exist_ok=True)
        # ZipExtFile stops at the declared size and checks the CRC, so a lying header fails.
        try:
            with archive.open(member) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageInvalid([_("%(file)s: tệp trong gói bị hỏng (%(error)s).")
                                  % {"file": member.filename, "error": exc}]) from None


def move_into_place(staging: Path, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(staging, final)
    except OSError:
        if not final.exists():  # not a concurrent winner: a real failure
            raise
        shutil.rmtree(staging, ignore_errors=True)
