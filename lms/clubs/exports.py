"""The club report as XLSX: a summary sheet and one row per school, laid out like an annex."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .reports import ClubReport


def headers() -> list[str]:
    return [_("STT"), _("Đơn vị"), _("Cấp"), _("Số câu lạc bộ"), _("Lượt thành viên"),
            _("Số học sinh tham gia"), _("Số hoạt động"), _("Tỷ lệ tham dự (%)")]


def _values(n, f) -> list:
    return [n, f.unit.name, f.unit.kind.name, f.clubs, f.members, f.learners, f.activities,
            f.attendance_rate if f.attendance_rate is not None else ""]


def report_xlsx(report: ClubReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = [(book.active, _("Theo trường"), report.rows),
              (book.create_sheet(), _("Theo đơn vị trực thuộc"), report.children)]
    for sheet, title, rows in sheets:
        sheet.title = title[:31]
        sheet.append([_("BÁO CÁO HOẠT ĐỘNG CÂU LẠC BỘ KHỞI NGHIỆP")])
        sheet.append([f"{report.unit.name} — {report.term.label} "
                      f"({report.term.start:%d/%m/%Y}–{report.term.end:%d/%m/%Y}) — "
                      f"{_('lập ngày')} {timezone.localdate():%d/%m/%Y}"])
        sheet.append([])
        sheet.append(headers())
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for n, row in enumerate(rows, start=1):
            sheet.append(_values(n, row))
        sheet.append(["", _("Tổng cộng"), report.unit.kind.name, *_values(0, report.total)[3:]])
        sheet.column_dimensions["B"].width = 40
        sheet["A1"].font = Font(bold=True, size=13)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
