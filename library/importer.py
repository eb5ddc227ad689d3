"""Bulk import of library items from a folder of files and a CSV/XLSX manifest.

Each row is validated on its own; the report names the row and the column of every error and
no row with an error is written. Re-running the same manifest updates the same items (matched
by `import_key`: the file name, or the title when a row has no file)."""

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.common.text import vn_fold

from .files import validate_library_file
from .models import Audience, ItemType, Language, LibraryIndexPage, LibraryItemPage, Licence

# Accepted headers (Vietnamese without accents, or English) → field.
COLUMNS = {
    "tep": "file", "file": "file",
    "tieu de": "title", "title": "title",
    "tac gia": "authors", "authors": "authors",
    "nha xuat ban": "publisher", "co quan ban hanh": "publisher", "publisher": "publisher",
    "nam": "year", "year": "year",
    "ngon ngu": "language", "language": "language",
    "loai": "item_type", "type": "item_type",
    "chuong trinh": "programme", "programme": "programme",
    "chu de": "topics", "topics": "topics",
    "doi tuong": "audience", "audience": "audience",
    "giay phep": "licence", "licence": "licence", "license": "licence",
    "tom tat": "summary", "summary": "summary",
}
CHOICES = {"item_type": ItemType, "language": Language, "audience": Audience, "licence": Licence}


@dataclass
class RowResult:
    row: int
    title: str
    status: str  # "created", "updated", "error"
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # whole-file problems

    @property
    def ok(self) -> bool:
        return not self.errors and all(r.status != "error" for r in self.rows)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def read_manifest(path: Path) -> list[dict[str, str]]:
    """Rows as {original header: cell text}; row numbers are list index + 2."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        values = [["" if c is None else str(c).strip() for c in row]
                  for row in sheet.iter_rows(values_only=True)]
        header, body = (values[0], values[1:]) if values else ([], [])
        return [dict(zip(header, row, strict=False)) for row in body if any(row)]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(handle)]


def _choice(enum, raw: str) -> str | None:
    wanted = vn_fold(raw).strip()
    for value, label in enum.choices:
        if wanted in (vn_fold(value), vn_fold(str(label))):
            return value
    return None


def _clean_row(raw: dict[str, str], folder: Path, programmes: dict) -> tuple[dict, list[str]]:
    data: dict = {}
    errors: list[str] = []
    header_of = {}
    for header, value in raw.items():
        key = COLUMNS.get(vn_fold(header).strip().replace("_", " "))
        if key:
            data[key] = value
            header_of[key] = header

    def err(key: str, message: str) -> None:
        errors.append(_("cột “%(col)s”: %(msg)s")
                      % {"col": header_of.get(key, key), "msg": message})

    if not data.get("title"):
        err("title", _("thiếu tiêu đề"))
    if data.get("year"):
        try:
            data["year"] = int(float(data["year"]))
            if not 1800 <= data["year"] <= 2100:
                raise ValueError
        except ValueError:
            err("year", _("năm không hợp lệ “%(v)s”") % {"v": data["year"]})
    else:
        data["year"] = None
    for key, enum in CHOICES.items():
        if data.get(key):
            choice = _choice(enum, data[key])
            if choice is None:
                err(key, _("giá trị “%(v)s” không thuộc danh sách cho phép") % {"v": data[key]})
            data[key] = choice
        else:
            data.pop(key, None)
    if data.get("programme"):
        programme = programmes.get(data["programme"]) or programmes.get(vn_fold(data["programme"]))
        if programme is None:
            err("programme", _("không có chương trình “%(v)s”") % {"v": data["programme"]})
        data["programme"] = programme
    else:
        data["programme"] = None
    data["topics"] = [t.strip() for t in data.get("topics", "").replace(",", ";").split(";")
                      if t.strip()]
    if data.get("file"):
        path = (folder / data["file"]).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            err("file", _("không tìm thấy tệp “%(v)s” trong thư mục") % {"v": data["file"]})
        else:
            with path.open("rb") as handle:
                upload = File(handle, name=path.name)
                try:
                    validate_library_file(upload)
                except ValidationError as exc:
                    err("file", " ".join(exc.messages))
            data["path"] = path
    return data, errors


def library_import(folder: Path, manifest: Path, *, parent: LibraryIndexPage | None = None,
                   publish: bool = True) -> ImportReport:
    from courses.models import Programme

    report = ImportReport()
    parent = parent or LibraryIndexPage.objects.first()
    if parent is None:
        report.errors.append(_("Chưa có trang Thư viện số để nhập tài liệu vào."))
        return report
    try:
        rows = read_manifest(Path(manifest))
    except (OSError, ValueError, KeyError, csv.Error) as exc:
        report.errors.append(_("Không đọc được tệp danh mục: %(e)s") % {"e": exc})
        return report
    programmes = {}
    for p in Programme.objects.all():
        programmes[p.code] = programmes[vn_fold(p.name)] = p
    for number, raw in enumerate(rows, start=2):
        data, errors = _clean_row(raw, Path(folder), programmes)
        if errors:
            report.rows.append(RowResult(number, data.get("title", ""), "error", errors))
            continue
        status = _save_item(parent, data, publish)
        report.rows.append(RowResult(number, data["title"], status))
    return report


def _save_item(parent, data: dict, publish: bool) -> str:
    key = os.path.basename(data["file"]) if data.get("file") else f"title:{data['title']}"
    fields = {k: data[k] for k in ("title", "authors", "publisher", "year", "summary",
                                   "programme", "item_type", "language", "audience", "licence")
              if k in data}
    with transaction.atomic():
        item = LibraryItemPage.objects.filter(import_key=key).first()
        status = "updated" if item else "created"
        if item is None:
            slug = slugify(vn_fold(data["title"]))[:70] or "tai-lieu"
            if LibraryItemPage.objects.filter(slug=slug).exists():
                slug = f"{slug}-{LibraryItemPage.objects.count() + 1}"
            item = LibraryItemPage(slug=slug, import_key=key, **fields)
            parent.add_child(instance=item)
        else:
            item = item.get_latest_revision_as_object()
            for name, value in fields.items():
                setattr(item, name, value)
        if data.get("path"):
            with data["path"].open("rb") as handle:
                if not item.file or os.path.basename(item.file.name) != data["path"].name:
                    item.file.save(data["path"].name, File(handle), save=False)
        item.topics.set(data["topics"])
        revision = item.save_revision()
        if publish:
            revision.publish()
    return status
