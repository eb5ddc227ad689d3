"""Reading an uploaded roster: XLSX (streamed, so 50,000 rows read in little memory) or CSV
(UTF-8 with or without BOM, Windows-1258 as a fallback; comma, semicolon or tab).

XLSX rows stream through `xlsx_stream` (lxml iterparse; see there why not openpyxl's reader).
The file type is decided by content, never by the name: a ZIP with an Excel workbook inside is
XLSX, an OLE file is the old .xls (refused with a hint), text is CSV, anything else is refused."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from lms.common.files import OLE, OLE_MAGIC, XLSX, ZIP, sniff_mime

from . import xlsx_stream
from .columns import HEADER_INDEX, fold, header_score

HEADER_SEARCH_ROWS = 15


class RosterFileError(ValueError):
    """The file cannot be read as a roster; the message is for the user (Vietnamese)."""


@dataclass
class Table:
    kind: str  # "xlsx" or "csv"
    headers: list[str]
    header_rows: int  # how many rows (title, merged and header rows) come before the data
    rows: Iterator[tuple[int, list]] = field(repr=False)  # (1-based row number, values)


def detect_kind(path: str | Path) -> str:
    with open(path, "rb") as handle:
        mime = sniff_mime(handle)
        sample = handle.read(4096)
    if mime == XLSX:
        return "xlsx"
    if mime == ZIP or sample.startswith(b"PK\x03\x04"):
        raise RosterFileError(_("Tệp nén này không phải bảng tính Excel (.xlsx)."))
    if mime == OLE or sample.startswith(OLE_MAGIC[:4]):
        raise RosterFileError(_("Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy mở tệp và lưu "
                                "lại dạng .xlsx hoặc .csv."))
    if b"\x00" in sample:
        raise RosterFileError(_("Tệp không phải bảng tính .xlsx hay .csv."))
    return "csv"


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _pick_header(first_rows: list[list]) -> tuple[list[str], int]:
    """The header is the row (among the first few) naming most known columns. Title rows and
    merged group headers above it are skipped; a sub-header row below it (e.g. "Họ tên", "SĐT"
    under a merged "Cha/mẹ") is merged into it."""
    best_index, best_score = -1, 0
    for index, row in enumerate(first_rows):
        score = header_score(row)
        if score > best_score:
            best_index, best_score = index, score
    if best_score < 2:
        raise RosterFileError(_("Không tìm thấy dòng tiêu đề (ví dụ “Mã học sinh”, “Họ và tên”) "
                                "trong %(n)s dòng đầu của tệp.") % {"n": HEADER_SEARCH_ROWS})
    width = max(len(row) for row in first_rows)
    header = [_cell_text(c) for c in first_rows[best_index]] + [""] * width
    header = header[:width]
    used_rows = best_index + 1
    if best_index + 1 < len(first_rows):
        below = [_cell_text(c) for c in first_rows[best_index + 1]] + [""] * width
        if header_score(below) >= 1 and all(fold(below[i]) in HEADER_INDEX or not below[i]
                                            for i in range(width)):
            for i in range(width):
                if below[i] and (fold(below[i]) in HEADER_INDEX or not header[i]):
                    header[i] = below[i]
            used_rows += 1
    if best_index > 0:
        above = [_cell_text(c) for c in first_rows[best_index - 1]] + [""] * width
        for i in range(width):
            if not header[i] and fold(above[i]) in HEADER_INDEX:
                header[i] = above[i]
    return header, used_rows


def _table(kind: str, numbered: Iterator[tuple[int, list]]) -> Table:
    first = list(itertools.islice(numbered, HEADER_SEARCH_ROWS))
    if not first:
        raise RosterFileError(_("Tệp không có dữ liệu."))
    headers, used = _pick_header([values for _n, values in first])

    def data_rows():
        for number, values in itertools.chain(first[used:], numbered):
            if any(v not in (None, "") and str(v).strip() for v in values):
                yield number, list(values)

    return Table(kind, headers, used, data_rows())


@contextmanager
def open_table(path: str | Path):
    kind = detect_kind(path)
    if kind == "xlsx":
        try:
            rows = xlsx_stream.iter_rows(path)
            table = _table("xlsx", rows)
        except RosterFileError:
            raise
        except Exception as exc:  # corrupt, encrypted or not really a workbook
            raise RosterFileError(_("Không đọc được tệp Excel: %(err)s") % {"err": exc}) from exc
        try:
            yield table
        finally:
            rows.close()
    else:
        text = _decode(Path(path).read_bytes())
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        yield _table("csv", ((n, row) for n, row in enumerate(reader, start=1)))


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterFileError(_("Không đọc được bảng mã của tệp CSV: hãy lưu dạng CSV UTF-8."))
