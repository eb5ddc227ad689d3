"""Every package rule, with the malicious package built in the test. Nothing is stored for a
refused package, and each message names the file and the rule."""

import io
import json
import zipfile

import pytest

from courses.h5p.models import H5PLibrary, H5PPackage
from courses.h5p.services import h5p_package_store
from courses.h5p.validation import PackageInvalid, validate_package

from .packages import demo_files, demo_with, make_package

pytestmark = pytest.mark.django_db


def _refused(fileobj, h5p_root) -> list[str]:
    """Refused even for a platform administrator (who may install libraries)."""
    with pytest.raises(PackageInvalid) as caught:
        h5p_package_store(fileobj, install_libraries=True)
    assert not H5PPackage.objects.exists() and not H5PLibrary.objects.exists()
    stored = [p for p in h5p_root.rglob("*") if p.is_file()] if h5p_root.exists() else []
    assert stored == [], f"files left behind: {stored}"
    return caught.value.errors


def test_demo_package_is_valid():
    validated = validate_package(io.BytesIO(make_package(demo_files()).getvalue()))
    assert validated.main_library.key == "H5P.HocMoTrueFalse-1.0.0"
    assert validated.content["correct"] is True


def test_not_a_zip(h5p_root):
    errors = _refused(io.BytesIO(b"%PDF-1.4 not a zip"), h5p_root)
    assert "không đọc được như tệp zip" in errors[0]


def test_zip_slip_relative(h5p_root):
    errors = _refused(demo_with(**{"content/../../evil.json": b"{}"}), h5p_root)
    assert any("content/../../evil.json" in e and "..”" in e for e in errors)


def test_zip_slip_absolute(h5p_root):
    errors = _refused(demo_with(**{"/etc/cron.d/evil": b"x"}), h5p_root)
    assert any("/etc/cron.d/evil" in e and "tuyệt đối" in e for e in errors)


def test_zip_bomb_ratio(h5p_root, settings):
    settings.H5P_MAX_COMPRESSION_RATIO = 100
    errors = _refused(demo_with(**{"content/bomb.txt": b"\0" * (20 * 1024 * 1024)}), h5p_root)
    assert any("content/bomb.txt" in e and "bom nén" in e for e in errors)


def test_unpacked_size_limit(h5p_root, settings):
    settings.H5P_MAX_UNPACKED_BYTES = 1000
    errors = _refused(demo_with(**{"content/big.txt": b"a" * 5000}), h5p_root)
    assert any("vượt giới hạn" in e for e in errors)


def test_file_count_limit(h5p_root, settings):
    settings.H5P_MAX_FILES = 10
    many = {f"content/images/{i}.png": b"x" for i in range(20)}
    errors = _refused(demo_with(**many), h5p_root)
    assert "giới hạn 10 tệp" in errors[0]


def test_php_file_refused(h5p_root):
    errors = _refused(demo_with(**{"content/shell.php": b"<?php system($_GET['c']);"}),
                      h5p_root)
    assert any("content/shell.php" in e and ".php" in e for e in errors)


def test_php_in_library_refused(h5p_root):
    errors = _refused(demo_with(**{"H5P.HocMoTrueFalse-1.0/x.php": b"<?php"}), h5p_root)
    assert any("H5P.HocMoTrueFalse-1.0/x.php" in e for e in errors)


@pytest.mark.parametrize("name", ["content/page.html", "content/run.js", "content/img.svg",
                                  "content/data.xml"])
def test_active_content_refused_in_content(h5p_root, name):
    errors = _refused(demo_with(**{name: b"<script>alert(1)</script>"}), h5p_root)
    assert any(name in e for e in errors)


def test_missing_h5p_json(h5p_root):
    errors = _refused(demo_with(**{"h5p.json": None}), h5p_root)
    assert errors == ["h5p.json: thiếu tệp mô tả gói ở thư mục gốc."]


def test_h5p_json_required_fields(h5p_root):
    manifest = json.loads(demo_files()["h5p.json"])
    del manifest["mainLibrary"]
    errors = _refused(demo_with(**{"h5p.json": json.dumps(manifest).encode()}), h5p_root)
    assert any("h5p.json" in e and "mainLibrary" in e for e in errors)


def test_h5p_json_not_json(h5p_root):
    errors = _refused(demo_with(**{"h5p.json": b"{not json"}), h5p_root)
    assert any(e.startswith("h5p.json: không phải JSON") for e in errors)


@pytest.mark.parametrize("name", ["h5p.json", "content/content.json"])
@pytest.mark.parametrize("body", [b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                  b'{"title": "x", "n": Infinity}', b'{"title": "a\\u0000"}'])
def test_hostile_json_in_a_package_is_a_named_refusal(h5p_root, name, body):
    """Issue 16, defect 4: a deeply nested h5p.json was a RecursionError (500). Stored
    uncompressed, so the zip-bomb ratio check does not refuse it first."""
    files = {**demo_files(), name: body}
    errors = _refused(make_package(files, compression=zipfile.ZIP_STORED), h5p_root)
    assert any(e.startswith(f"{name}: không phải JSON hợp lệ") for e in errors)


def test_library_json_missing(h5p_root):
    errors = _refused(demo_with(**{"H5P.HocMoTrueFalse-1.0/library.json": None}), h5p_root)
    assert any("H5P.HocMoTrueFalse-1.0: thiếu library.json" in e for e in errors)


def test_library_preloaded_file_missing(h5p_root):
    errors = _refused(demo_with(**{"H5P.HocMoTrueFalse-1.0/hocmo-true-false.js": None}),
                      h5p_root)
    assert any("preloadedJs" in e and "hocmo-true-false.js" in e for e in errors)


def test_preloaded_dependency_missing(h5p_root):
    manifest = json.loads(demo_files()["h5p.json"])
    manifest["preloadedDependencies"].append(
        {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3})
    errors = _refused(demo_with(**{"h5p.json": json.dumps(manifest).encode()}), h5p_root)
    assert any("H5P.JoubelUI-1.3" in e and "phụ thuộc" in e for e in errors)


def test_missing_content_json(h5p_root):
    errors = _refused(demo_with(**{"content/content.json": None}), h5p_root)
    assert any("content/content.json" in e for e in errors)


def test_stray_root_file_and_folder(h5p_root):
    errors = _refused(demo_with(**{"readme.txt": b"x", "scripts/run.txt": b"x"}), h5p_root)
    assert any(e.startswith("readme.txt") for e in errors)
    assert any(e.startswith("scripts/run.txt") for e in errors)


def test_encrypted_member_refused(h5p_root):
    buffer = make_package(demo_files())
    data = bytearray(buffer.getvalue())
    # Flip the "encrypted" bit of every central-directory entry.
    start = 0
    while (pos := data.find(b"PK\x01\x02", start)) != -1:
        data[pos + 8] |= 0x1
        start = pos + 4
    errors = _refused(io.BytesIO(bytes(data)), h5p_root)
    assert any("mã hóa" in e for e in errors)


def test_corrupt_member_fails_without_leftovers(h5p_root):
    """A member whose data does not match its CRC is caught while unpacking; the staging
    folder is removed and nothing is recorded."""
    files = demo_files()
    buffer = make_package({**files, "content/a.txt": b"A" * 1000}, compression=zipfile.ZIP_STORED)
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("content/a.txt")
    start = info.header_offset + 30 + len("content/a.txt")
    data[start:start + 10] = b"B" * 10
    with pytest.raises(PackageInvalid) as caught:
        h5p_package_store(io.BytesIO(bytes(data)), install_libraries=True)
    assert "content/a.txt" in caught.value.errors[0]
    assert not H5PPackage.objects.exists()
    assert not (h5p_root / "packages").exists() or not any((h5p_root / "packages").iterdir())
    assert not any((h5p_root / "tmp").iterdir())
