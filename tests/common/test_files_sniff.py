"""The one file-type sniffer (issue 17 item 6): by content, the file position kept."""

import io
import zipfile

from lms.common.files import OLE, XLSX, ZIP, sniff_mime


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_pdf_and_position_kept():
    handle = io.BytesIO(b"%PDF-1.4\n" + b"x" * 100)
    handle.seek(5)
    assert sniff_mime(handle) == "application/pdf"
    assert handle.tell() == 5


def test_xlsx_recognised_by_its_workbook_member_even_far_in():
    data = _zip({"padding.bin": b"\0" * 300_000, "xl/workbook.xml": b"<workbook/>"})
    assert sniff_mime(io.BytesIO(data)) == XLSX


def test_other_zip_ole_text_and_empty():
    assert sniff_mime(io.BytesIO(_zip({"a.txt": b"hi"}))) == ZIP
    assert sniff_mime(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)) == OLE
    assert sniff_mime(io.BytesIO("Họ và tên,Lớp\n".encode())) is None
    assert sniff_mime(io.BytesIO(b"")) is None
