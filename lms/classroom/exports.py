"""The gradebook as Vietnamese schools keep it: STT, Họ và tên, one column per assignment,
then the average (ĐTB), on the 10-point scale. CSV with a semicolon between fields and a
decimal comma (what Excel set to Vietnamese opens as numbers; UTF-8 with a BOM), XLSX with
numbers shown to two decimals at most (Excel shows the reader's decimal mark)."""

import csv
import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .gradebook import Grid, Status

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _comma(value) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _header(grid: Grid) -> list[str]:
    return [_("STT"), _("Họ và tên")] + [a.title for a in grid.assignments] + [_("ĐTB")]


def _cells(grid: Grid, row) -> list:
    return [cell.score if cell.status == Status.RETURNED else None for cell in row.cells]


def gradebook_csv(grid: Grid) -> bytes:
    with translation.override("vi"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(_header(grid))
        for number, row in enumerate(grid.rows, start=1):
            writer.writerow([number, row.learner.get_full_name() or row.learner.username]
                            + [_comma(score) for score in _cells(grid, row)]
                            + [_comma(row.average)])
        writer.writerow(["", _("Trung bình")] + [_comma(v) for v in grid.column_averages]
                        + [_comma(grid.class_average)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def gradebook_xlsx(grid: Grid) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override("vi"):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Sổ điểm")[:31]
        sheet.append([_("SỔ ĐIỂM BÀI TẬP — %(name)s") % {"name": grid.unit.name}])
        sheet.append([_("Thang điểm 10. Xuất ngày %(date)s.")
                      % {"date": timezone.localdate().strftime("%d/%m/%Y")}])
        sheet.append([])
        sheet.append(_header(grid))
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for number, row in enumerate(grid.rows, start=1):
            sheet.append([number, row.learner.get_full_name() or row.learner.username]
                         + [float(s) if s is not None else None for s in _cells(grid, row)]
                         + [float(row.average) if row.average is not None else None])
        sheet.append(["", _("Trung bình")]
                     + [float(v) if v is not None else None for v in grid.column_averages]
                     + [float(grid.class_average) if grid.class_average is not None else None])
        for cells in sheet.iter_rows(min_row=5, min_col=3):
            for cell in cells:
                cell.number_format = "0.0#"
        sheet.column_dimensions["B"].width = 28
        sheet.freeze_panes = "C5"
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()
