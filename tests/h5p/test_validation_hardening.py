"""Issue 16 defect 1, package hardening: symlink entries, the whole package's unpacked size,
file count and compression ratio (many files each just under the per-file threshold), and
markup with script inside library folders. Each refusal is named, in Vietnamese, and nothing
is stored."""

import io
import os
import stat
import zipfile

import pytest

from courses.h5p.models import H5PLibrary, H5PPackage
from courses.h5p.services import h5p_package_store
from courses.h5p.validation import PackageInvalid

from .packages import demo_files, demo_with, make_package

pytestmark = pytest.mark.django_db
LIB = "H5P.HocMoTrueFalse-1.0"


def _refused(fileobj, h5p_root) -> list[str]:
    with pytest.raises(PackageInvalid) as caught:
        h5p_package_store(fileobj, install_libraries=True)
    assert not H5PPackage.objects.exists() and not H5PLibrary.objects.exists()
    stored = [p for p in h5p_root.rglob("*") if p.is_file()] if h5p_root.exists() else []
    assert stored == [], f"files left behind: {stored}"
    return caught.value.errors


def test_symlink_entry_refused(h5p_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in demo_files().items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("content/passwd.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    buffer.seek(0)
    errors = _refused(buffer, h5p_root)
    assert any(e.startswith("content/passwd.txt: liên kết tượng trưng") for e in errors)


def test_many_zero_filled_files_just_under_a_megabyte(h5p_root):
    """The probe: 150 zero-filled files of just under 1 MB, ~150 KB uploaded, 150 MB
    unpacked. Each file is ratio-checked now, and so is the whole package."""
    files = demo_files()
    for i in range(150):
        files[f"content/pad{i:03}.txt"] = bytes(1024 * 1024 - 1)
    package = make_package(files)
    assert len(package.getvalue()) < 300 * 1024
    errors = _refused(package, h5p_root)
    assert any(e.startswith("content/pad000.txt: tỉ lệ nén") for e in errors)
    assert any(e.startswith("Cả gói có tỉ lệ nén") for e in errors)


def test_whole_package_ratio_counts_small_files(h5p_root):
    files = demo_files()
    for i in range(40):  # each under the per-file threshold
        files[f"content/pad{i:03}.txt"] = bytes(60 * 1024)
    errors = _refused(make_package(files), h5p_root)
    assert not any("pad000.txt" in e for e in errors)
    assert any(e.startswith("Cả gói có tỉ lệ nén") and "vượt giới hạn 100:1" in e
               for e in errors)


def test_unpacked_size_cap(settings, h5p_root):
    settings.H5P_MAX_UNPACKED_BYTES = 2 * 1024 * 1024
    files = demo_files()
    for i in range(3):  # random bytes: no compression, so only the size cap applies
        files[f"content/big{i}.txt"] = os.urandom(1024 * 1024)
    errors = _refused(make_package(files), h5p_root)
    assert any(e.startswith("Gói giải nén ra 3 MB, vượt giới hạn 2 MB") for e in errors)


def test_file_count_cap(settings, h5p_root):
    settings.H5P_MAX_FILES = 10
    files = demo_files()
    for i in range(10):
        files[f"content/f{i}.txt"] = b"x"
    errors = _refused(make_package(files), h5p_root)
    assert errors[0].startswith(f"Gói có {len(files)} tệp, vượt giới hạn 10 tệp")


@pytest.mark.parametrize("name, body", [
    ("icon.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("icon.svg", b'<svg xmlns="http://www.w3.org/2000/svg" ONLOAD = "alert(1)"/>'),
    ("page.html", b'<a href="java\nscript:alert(1)">x</a>'),
    ("data.xml", b'<?xml-stylesheet type="text/xsl" href="x.xsl"?><r/>'),
    ("data.xml", '<r><x:script xmlns:x="http://www.w3.org/1999/xhtml"/></r>'.encode("utf-16")),
])
def test_markup_with_script_in_library_refused(h5p_root, name, body):
    errors = _refused(demo_with(**{f"{LIB}/{name}": body}), h5p_root)
    assert any(e.startswith(f"{LIB}/{name}: tệp .") and "mã chạy được" in e for e in errors)


def test_plain_markup_in_library_accepted(h5p_root):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4"><rect width="4" height="4"/></svg>'
    package = h5p_package_store(demo_with(**{f"{LIB}/icon.svg": svg}), install_libraries=True)
    assert package.pk
