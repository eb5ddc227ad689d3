"""A streaming XLSX row reader on lxml.iterparse: values only, constant memory.

openpyxl's read-only mode parses every cell through Python-level objects (about 1 ms per
12-cell row here) and, for files without a <dimension> element, parses the whole sheet once more
just to size it; a 50,000-row roster then spends most of its import time in XML. This reader
walks the first worksheet's XML once with libxml2 and hands back plain values:

- shared strings (rich-text runs joined, phonetic runs skipped) and inline strings as str;
- numbers as int or float (date cells are numbers too: the date cleaner reads Excel serials);
- a formula with a cached result gives that result; a formula without one gives "=<formula>",
  which the cleaner reports as a formula cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Generator
from typing import cast

from lxml import etree

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROW, _C, _V, _F, _IS, _T, _SI, _RPH = (f"{{{NS}}}{tag}" for tag in
                                        ("row", "c", "v", "f", "is", "t", "si", "rPh"))
_COL_RE = re.compile(r"[A-Z]+")
_PARSER_OPTS = {"resolve_entities": False, "no_network": True, "huge_tree": False}


def _column_index(ref: str) -> int:
    index = 0
    for ch in cast("re.Match[str]", _COL_RE.match(ref)).group(0):  # a cell ref starts A-Z
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def _first_sheet_path(archive: zipfile.ZipFile) -> str:
    workbook = etree.fromstring(archive.read("xl/workbook.xml"),
                                etree.XMLParser(**_PARSER_OPTS))
    sheet = workbook.find(f"{{{NS}}}sheets/{{{NS}}}sheet")
    rel_id = sheet.get(f"{{{REL_NS}}}id")
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"),
                            etree.XMLParser(**_PARSER_OPTS))
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target")
            return target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
    raise KeyError(rel_id)


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    try:
        handle = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings = []
    with handle:
        for _event, si in etree.iterparse(handle, events=("end",), tag=_SI, **_PARSER_OPTS):
            strings.append("".join(t.text or "" for t in si.iter(_T)
                                   if t.getparent().tag != _RPH))
            si.clear()
    return strings


def _number(text: str):
    try:
        return int(text)
    except ValueError:
        value = float(text)
        return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _cell_value(cell, shared: list[str]):
    kind = cell.get("t")
    if kind == "inlineStr":
        inline = cell.find(_IS)
        return "".join(t.text or "" for t in inline.iter(_T)) if inline is not None else None
    raw = cell.findtext(_V)
    if raw is None:
        formula = cell.findtext(_F)
        return f"={formula}" if formula else None
    if kind == "s":
        return shared[int(raw)]
    if kind in ("str", "e", "d"):
        return raw
    if kind == "b":
        return raw == "1"
    return _number(raw)


def iter_rows(path) -> Generator[tuple[int, list], None, None]:
    """(1-based row number, [values by column]) for every row element of the first sheet."""
    with zipfile.ZipFile(path) as archive:
        shared = _shared_strings(archive)
        with archive.open(_first_sheet_path(archive)) as handle:
            expected = 0
            for _event, row in etree.iterparse(handle, events=("end",), tag=_ROW,
                                               **_PARSER_OPTS):
                number = int(row.get("r") or expected + 1)
                expected = number
                values: list = []
                for position, cell in enumerate(row.iterchildren(_C)):
                    ref = cell.get("r")
                    index = _column_index(ref) if ref else position
                    if index >= len(values):
                        values.extend([None] * (index + 1 - len(values)))
                    values[index] = _cell_value(cell, shared)
                row.clear()
                while row.getprevious() is not None:  # free rows already read
                    del row.getparent()[0]
                yield number, values


_DIMENSION_RE = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"(?:[A-Z]+\d+:)?[A-Z]+(\d+)\"")


def declared_rows(path) -> int | None:
    """The last row number the sheet's <dimension> element declares (it comes first in the
    sheet XML, so only the first few KB are inflated), or None when the writer left it out."""
    with zipfile.ZipFile(path) as archive, archive.open(_first_sheet_path(archive)) as handle:
        match = _DIMENSION_RE.search(handle.read(8192))
    return int(match.group(1)) if match else None
