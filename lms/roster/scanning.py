"""Reading an import's file through its mapping: every data row becomes a clean RosterRow or a
list of errors naming the row and the column. Shared by the preview and the commit, so the
commit imports exactly what the preview showed."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from django.utils.translation import gettext as _

from .cleaning import RosterRow, clean_row, text
from .columns import FIELDS
from .parsing import open_table


@dataclass
class ScannedRow:
    row_number: int
    cells: list | str  # the file's cells; read back from the cache: their JSON until needed
    row: RosterRow | None
    errors: list[str] = field(default_factory=list)  # "cột C (Ngày sinh): ..." messages
    code: str = ""

    @property
    def values(self) -> list:
        """The row's cells as in the file (for the error report). Decoded lazily: the commit
        needs them only for the few rows it reports."""
        if isinstance(self.cells, str):
            self.cells = json.loads(self.cells)
        return cast(list, self.cells)


def column_letter(number: int) -> str:
    """Spreadsheet column letters of a 1-based column number (1 → A, 27 → AA). Here rather than
    openpyxl's: importing openpyxl costs a web worker ~20 MiB (issue 18)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_name(headers: list[str], index: int) -> str:
    header = headers[index] if index < len(headers) else ""
    letter = column_letter(index + 1)
    return f"{letter} ({header})" if header else letter


def read_headers(path) -> tuple[str, list[str]]:
    with open_table(path) as table:
        return table.kind, table.headers


def scan(path, mapping: dict[str, int]) -> Iterator[ScannedRow]:
    """Yields one ScannedRow per non-blank data row. A learner code seen on an earlier row makes
    the later row an error (the file must name each learner once)."""
    seen: dict[str, int] = {}
    with open_table(path) as table:
        headers = table.headers
        for number, values in table.rows:
            raw = {key: (values[index] if index < len(values) else None)
                   for key, index in mapping.items()}
            row, cell_errors = clean_row(number, raw)
            messages = [
                _("cột %(col)s: %(msg)s") % {"col": column_name(headers, mapping[key]),
                                             "msg": message}
                if key in mapping else
                _("%(label)s: %(msg)s") % {"label": FIELDS[key][0], "msg": message}
                for key, message in cell_errors
            ]
            code = row.learner_code if row else text(raw.get("learner_code"))
            if code:
                folded = code.upper()
                if folded in seen:
                    messages.append(_("cột %(col)s: mã học sinh “%(code)s” trùng với dòng "
                                      "%(first)s.") % {
                        "col": column_name(headers, mapping["learner_code"]), "code": code,
                        "first": seen[folded]})
                    row = None
                else:
                    seen[folded] = number
            yield ScannedRow(number, values, row if not messages else None, messages, code)


# --- The preview's result, kept for the commit ------------------------------------------------
# The preview already parsed and cleaned every row; the commit reads them back from a gzip JSON
# lines file next to the upload instead of parsing the workbook again (half of its time).


def cache_path(path) -> str:
    return f"{path}.scan.v2.jsonl.gz"  # v2: the line format below (older caches are ignored)


_ROW_FIELDS = [f.name for f in dataclasses.fields(RosterRow)]
_DOB = _ROW_FIELDS.index("date_of_birth")


def _encode(scanned: ScannedRow) -> str:
    """One line: JSON of [number, row fields or null, errors, code], a tab, JSON of the cells
    (JSON escapes tabs inside strings, so the first tab splits the two)."""
    row = None
    if scanned.row is not None:
        row = [getattr(scanned.row, name) for name in _ROW_FIELDS]
        row[_DOB] = row[_DOB].isoformat() if row[_DOB] else None
    head = json.dumps([scanned.row_number, row, scanned.errors, scanned.code],
                      ensure_ascii=False, default=str)
    return f"{head}\t{json.dumps(scanned.values, ensure_ascii=False, default=str)}"


def _decode(line: str) -> ScannedRow:
    head, _tab, cells = line.rstrip("\n").partition("\t")
    number, row, errors, code = json.loads(head)
    if row is not None:
        if row[_DOB]:
            row[_DOB] = datetime.date.fromisoformat(row[_DOB])
        row = RosterRow(*row)
    return ScannedRow(number, cells, row, errors, code)


def scan_and_cache(path, mapping: dict[str, int]) -> Iterator[ScannedRow]:
    target = cache_path(path)
    partial = f"{target}.part"
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=1) as out:
        for scanned in scan(path, mapping):
            out.write(_encode(scanned) + "\n")
            yield scanned
    os.replace(partial, target)


def cached_scan(path) -> Iterator[ScannedRow] | None:
    target = cache_path(path)
    if not os.path.exists(target):
        return None

    def rows():
        with gzip.open(target, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield _decode(line)

    return rows()


def drop_cache(path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(cache_path(path))
