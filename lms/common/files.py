"""The one file-type sniffer: what a file is, decided by its bytes, never by its name.

Library files, plan evidence, roster imports and question-bank imports all ask `sniff_mime`;
each keeps its own list of what it accepts."""

import zipfile

import filetype

SNIFF_BYTES = 256 * 1024  # OOXML is recognised by a member name that may sit past 8 KB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 (.doc, .xls, .ppt)
OLE = "application/x-ole-storage"
ZIP = "application/zip"
OFFICE = "application/vnd.openxmlformats-officedocument."
XLSX = OFFICE + "spreadsheetml.sheet"
# A ZIP whose first bytes did not tell: the member that names the Office document inside.
_OOXML_MEMBERS = {
    "xl/workbook.xml": XLSX,
    "word/document.xml": OFFICE + "wordprocessingml.document",
    "ppt/presentation.xml": OFFICE + "presentationml.presentation",
}


def _zip_member_mime(fileobj) -> str:
    try:
        names = set(zipfile.ZipFile(fileobj).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP
    return next((mime for member, mime in _OOXML_MEMBERS.items() if member in names), ZIP)


def sniff_mime(fileobj, *, size: int = SNIFF_BYTES) -> str | None:
    """The mime type of the content of an open binary file (an upload or `open(path, "rb")`),
    None when not recognised (text, such as CSV, is None). The file's position is kept."""
    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    try:
        fileobj.seek(0)
        head = fileobj.read(size)
        guess = filetype.guess(head) if head else None
        mime = guess.mime if guess else None
        if head.startswith(b"PK\x03\x04") and mime in (None, ZIP):
            fileobj.seek(0)
            mime = _zip_member_mime(fileobj)
        elif mime is None and head.startswith(OLE_MAGIC):
            mime = OLE
        return mime
    finally:
        fileobj.seek(position)
