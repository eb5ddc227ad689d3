"""Broken and hostile SCORM packages: each is the valid SCORM 1.2 package with one defect, so
a refusal can only come from that defect. HOSTILE_PACKAGES names them all for parametrised
tests and benches."""

import io
import stat
import zipfile
from collections.abc import Callable

from .packages import ZIP_DATE, package_files, package_with, scorm12_package, zip_bytes

MANIFEST = "imsmanifest.xml"
LAUNCH = "res/index.html"
ZIP_SLIP_NAME = "../../../tmp/hocmo-zip-slip.html"
SYMLINK_NAME = "res/passwd.html"
BOMB_NAME = "res/data/bom.txt"
XXE_DOCTYPE = ('<!DOCTYPE manifest [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n')
BILLION_LAUGHS_DOCTYPE = (
    '<!DOCTYPE manifest [\n  <!ENTITY lol "lol">\n'
    + "".join(f'  <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
              for n in range(1, 10))
    + "]>\n")


def _manifest(package: bytes | None = None) -> str:
    return package_files(package or scorm12_package())[MANIFEST].decode("utf-8")


def _with_manifest(text: str) -> bytes:
    return package_with(scorm12_package(), **{MANIFEST: text.encode("utf-8")})


def _add_raw(package: bytes, info: zipfile.ZipInfo, data: bytes) -> bytes:
    """Appends one member written exactly as `info` says (name, mode, compression)."""
    buffer = io.BytesIO(package)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(info, data)
    return buffer.getvalue()


def zip_slip_package() -> bytes:
    """A member whose path climbs out of the extraction folder."""
    info = zipfile.ZipInfo(ZIP_SLIP_NAME, date_time=ZIP_DATE)
    return _add_raw(scorm12_package(), info, b"<p>zip slip</p>")


def absolute_path_package() -> bytes:
    info = zipfile.ZipInfo("/etc/hocmo-absolute.html", date_time=ZIP_DATE)
    return _add_raw(scorm12_package(), info, b"<p>absolute</p>")


def zip_bomb_package(*, unpacked_bytes: int = 16 * 1024 * 1024) -> bytes:
    """One member that inflates ~1000:1 (zeros), far beyond any sane compression ratio."""
    info = zipfile.ZipInfo(BOMB_NAME, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    return _add_raw(scorm12_package(), info, bytes(unpacked_bytes))


def symlink_package(*, target: str = "/etc/passwd") -> bytes:
    """A Unix symlink member (mode S_IFLNK in external_attr), as `zip --symlinks` writes."""
    info = zipfile.ZipInfo(SYMLINK_NAME, date_time=ZIP_DATE)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _add_raw(scorm12_package(), info, target.encode())


def missing_manifest_package() -> bytes:
    return package_with(scorm12_package(), **{MANIFEST: None})


def nested_manifest_package() -> bytes:
    """The whole export zipped inside a folder: imsmanifest.xml is not at the root."""
    files = package_files(scorm12_package())
    return zip_bytes({f"bai-giang/{name}": data for name, data in files.items()})


def malformed_manifest_package() -> bytes:
    """The manifest cut off mid-element."""
    text = _manifest()
    return _with_manifest(text[: text.index("<resources>") + 20])


def xxe_manifest_package() -> bytes:
    """An external entity reading /etc/passwd into the organisation's title."""
    text = _manifest().replace("?>\n", "?>\n" + XXE_DOCTYPE, 1)
    text = text.replace("<title>", "<title>&xxe;", 1)
    return _with_manifest(text)


def billion_laughs_package() -> bytes:
    """Nested entities expanding to 10^9 "lol"s."""
    text = _manifest().replace("?>\n", "?>\n" + BILLION_LAUGHS_DOCTYPE, 1)
    text = text.replace("<title>", "<title>&lol9;", 1)
    return _with_manifest(text)


def _launch_href(href: str) -> bytes:
    text = _manifest().replace('href="index.html" xml:base="res/"', f'href="{href}"', 1)
    assert href in text
    return _with_manifest(text)


def launch_outside_package() -> bytes:
    """The SCO's launch href climbs out of the package."""
    return _launch_href("../../../etc/passwd")


def launch_remote_package() -> bytes:
    """The SCO's launch href is another site."""
    return _launch_href("http://evil.example/sco.html")


def launch_javascript_package() -> bytes:
    return _launch_href("javascript:alert(document.cookie)")


def missing_resource_file_package(*, missing: str = LAUNCH) -> bytes:
    """A file the manifest lists (by default the launch file) is not in the zip."""
    return package_with(scorm12_package(), **{missing: None})


def disallowed_file_package(extension: str = "exe") -> bytes:
    """A file of a type no lecture needs (.exe, .php, .sh, …) beside the SCO."""
    payloads = {"exe": b"MZ\x90\x00\x03", "php": b"<?php system($_GET['c']); ?>",
                "sh": b"#!/bin/sh\nrm -rf /\n"}
    data = payloads.get(extension, b"payload")
    return package_with(scorm12_package(), **{f"res/tool.{extension}": data})


def too_many_files_package(count: int = 5001) -> bytes:
    """`count` tiny files besides the SCO (stored, so the zip stays small)."""
    files = package_files(scorm12_package())
    for number in range(count):
        files[f"res/data/slide-{number:05d}.txt"] = b"x"
    return zip_bytes(files, compression=zipfile.ZIP_STORED)


def not_a_zip_package() -> bytes:
    return b"%PDF-1.4 this is not a zip file"


HOSTILE_PACKAGES: dict[str, Callable[[], bytes]] = {
    "zip_slip": zip_slip_package,
    "absolute_path": absolute_path_package,
    "zip_bomb": zip_bomb_package,
    "symlink": symlink_package,
    "missing_manifest": missing_manifest_package,
    "nested_manifest": nested_manifest_package,
    "malformed_manifest": malformed_manifest_package,
    "xxe_manifest": xxe_manifest_package,
    "billion_laughs": billion_laughs_package,
    "launch_outside": launch_outside_package,
    "launch_remote": launch_remote_package,
    "launch_javascript": launch_javascript_package,
    "missing_resource_file": missing_resource_file_package,
    "disallowed_exe": lambda: disallowed_file_package("exe"),
    "disallowed_php": lambda: disallowed_file_package("php"),
    "disallowed_sh": lambda: disallowed_file_package("sh"),
    "too_many_files": too_many_files_package,
    "not_a_zip": not_a_zip_package,
}
