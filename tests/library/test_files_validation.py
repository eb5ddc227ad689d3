"""Uploads are accepted by their content, not their name, and within the size limit."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from library.files import validate_library_file
from tests.factories import pdf_bytes


def _epub() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", "<container/>")
    return buffer.getvalue()


def test_a_real_pdf_is_accepted():
    validate_library_file(SimpleUploadedFile("ke-hoach.pdf", pdf_bytes()))


def test_an_epub_is_accepted():
    validate_library_file(SimpleUploadedFile("sach.epub", _epub()))


@pytest.mark.parametrize("name, content", [
    ("trang.pdf", b"<html><script>alert(1)</script></html>"),
    ("trang.html", b"<!doctype html><script>alert(1)</script>"),
    ("anh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
    ("chuong-trinh.exe", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),
])
def test_active_or_unknown_content_is_rejected_whatever_its_name(name, content):
    with pytest.raises(ValidationError) as error:
        validate_library_file(SimpleUploadedFile(name, content))
    assert "PDF, EPUB" in error.value.messages[0]


def test_extension_must_agree_with_content():
    with pytest.raises(ValidationError) as error:
        validate_library_file(SimpleUploadedFile("ke-hoach.mp4", pdf_bytes()))
    assert "không khớp" in error.value.messages[0]


def test_size_limit(settings):
    settings.HOCMO_LIBRARY_MAX_UPLOAD_MB = 0
    with pytest.raises(ValidationError) as error:
        validate_library_file(SimpleUploadedFile("ke-hoach.pdf", pdf_bytes()))
    assert "quá lớn" in error.value.messages[0]
