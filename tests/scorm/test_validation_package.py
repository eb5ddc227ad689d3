"""A SCORM upload passes the zip checks H5P's do (shared: lms/common/zip_packages.py), an
allow-list of types and the manifest, or is refused naming every problem; nothing is written."""

import io
import stat
import zipfile

import pytest

from courses.scorm.services import PackageInvalid, package_dir, scorm_package_store
from courses.scorm.validation import validate_scorm

from .packages import SCO_HTML, build_zip, scorm12_zip, scorm2004_zip


def _refusal(raw: bytes) -> str:
    with pytest.raises(PackageInvalid) as caught:
        validate_scorm(io.BytesIO(raw))
    return " | ".join(caught.value.errors)


def test_valid_packages_are_stored_by_hash(scorm_root):
    stored = scorm_package_store(io.BytesIO(scorm12_zip()))
    assert (package_dir(stored.sha256) / "index.html").read_text() == SCO_HTML
    assert stored.validated.manifest["version"] == "1.2"
    again = scorm_package_store(io.BytesIO(scorm12_zip()))
    assert again.sha256 == stored.sha256
    assert scorm_package_store(io.BytesIO(scorm2004_zip())).validated.manifest["edition"] == "4th"


def test_zip_slip_is_refused_and_nothing_written(scorm_root):
    raw = scorm12_zip(extra={"../../evil.html": "x"})
    assert "“..”" in _refusal(raw)
    with pytest.raises(PackageInvalid):
        scorm_package_store(io.BytesIO(raw))
    assert not (scorm_root / "packages").exists()


def test_symlink_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", "<manifest/>")
        link = zipfile.ZipInfo("index.html")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    assert "symlink" in _refusal(buffer.getvalue())


def test_zip_bomb_is_refused():
    raw = scorm12_zip(extra={"big.txt": b"\0" * (8 * 1024 * 1024)})
    assert "bom nén" in _refusal(raw)


def test_too_many_files_is_refused(settings):
    settings.SCORM_MAX_FILES = 3
    assert "vượt giới hạn 3 tệp" in _refusal(scorm12_zip(extra={"a.css": "", "b.css": ""}))


def test_missing_manifest_names_the_nested_folder():
    raw = build_zip({"bai-giang/imsmanifest.xml": "<manifest/>", "bai-giang/index.html": "x"})
    message = _refusal(raw)
    assert "imsmanifest.xml" in message and "bai-giang" in message


@pytest.mark.parametrize("name", ["run.exe", "shell.php", "x.sh", "README"])
def test_disallowed_types_are_refused(name):
    assert name in _refusal(scorm12_zip(extra={name: "x"}))


def test_not_a_zip_is_refused():
    assert "zip" in _refusal(b"not a zip at all")


def test_xxe_manifest_in_a_package_is_refused():
    manifest = ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                "<manifest>&x;</manifest>")
    assert "ENTITY" in _refusal(build_zip({"imsmanifest.xml": manifest, "index.html": "x"}))
