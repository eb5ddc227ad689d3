"""The plan's annex (phụ lục phân công nhiệm vụ) as XLSX (openpyxl) and PDF (WeasyPrint,
DejaVu fonts), laid out like the annexes the seeds carry: STT, Nhiệm vụ, Đơn vị chủ trì, Đơn vị
phối hợp, Thời hạn, Sản phẩm, Tình trạng; a second sheet / section lists the targets with their
attainment. A plan has tens of tasks: the XLSX is built in the request; the PDF (WeasyPrint,
0.8–1.4 s) in a Celery task with a progress page (services.annex_export_*, issue 19 item 13)."""

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .selectors import plan_attainments, plan_tasks, task_status_text, today

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def annex_headers() -> list[str]:
    return [_("STT"), _("Nhiệm vụ"), _("Đơn vị chủ trì"), _("Đơn vị phối hợp"), _("Thời hạn"),
            _("Sản phẩm"), _("Tình trạng")]


def cooperating_label(task) -> str:
    names = [u.name for u in task.cooperating_units.all()]
    return task.cooperating_text or "; ".join(names)


def deadline_label(task) -> str:
    parts = [task.timeframe] if task.timeframe else []
    if task.deadline:
        day = task.deadline.strftime("%d/%m/%Y")
        parts.append(f"({day})" if parts else day)
    return " ".join(parts)


def annex_rows(plan, day=None) -> list[dict]:
    """Section headings and task rows in document order (what both formats print)."""
    rows: list[dict[str, Any]] = []
    section = None
    for task in plan_tasks(plan, day=day):
        if task.section and task.section != section:
            section = task.section
            rows.append({"section": section})
        rows.append({"task": task, "cells": [
            task.number or "", task.title, task.lead_label, cooperating_label(task),
            deadline_label(task), task.deliverable, task_status_text(task)]})
    return rows


def annex_caption(plan) -> str:
    values = {"symbol": plan.symbol or "…", "issuer": plan.issuer}
    if plan.issued_on:
        values["date"] = plan.issued_on.strftime("%d/%m/%Y")
        return _("(Kèm theo Kế hoạch số %(symbol)s ngày %(date)s của %(issuer)s)") % values
    return _("(Kèm theo Kế hoạch số %(symbol)s của %(issuer)s)") % values


def annex_xlsx(plan) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    day = today()
    book = Workbook()
    sheet = book.active
    sheet.title = _("Phụ lục nhiệm vụ")[:31]
    head = [plan.issuer.upper(), _("PHỤ LỤC"),
            _("PHÂN CÔNG NHIỆM VỤ TRIỂN KHAI THỰC HIỆN KẾ HOẠCH"), plan.title,
            annex_caption(plan), _("Tình trạng tính đến ngày %(d)s") % {"d": f"{day:%d/%m/%Y}"}]
    for n, text in enumerate(head, start=1):
        sheet.cell(row=n, column=1, value=text)
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=7)
        sheet.cell(row=n, column=1).alignment = Alignment(horizontal="left" if n == 1
                                                          else "center", wrap_text=True)
        sheet.cell(row=n, column=1).font = Font(bold=n in (1, 2, 3), italic=n in (5, 6))
    sheet.append([])
    sheet.append(annex_headers())
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.border = Font(bold=True), border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in annex_rows(plan, day):
        if "section" in row:
            sheet.append(["", row["section"]])
            sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row,
                              end_column=7)
            for cell in sheet[sheet.max_row]:
                cell.font, cell.border = Font(bold=True), border
            continue
        sheet.append(row["cells"])
        for cell in sheet[sheet.max_row]:
            cell.border, cell.alignment = border, wrap
    for col, width in zip("ABCDEFG", (7, 60, 24, 28, 18, 32, 22), strict=True):
        sheet.column_dimensions[col].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _targets_sheet(book, plan, border)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _targets_sheet(book, plan, border) -> None:
    from openpyxl.styles import Font

    figures = plan_attainments(plan)
    if not figures:
        return
    sheet = book.create_sheet(_("Chỉ tiêu")[:31])
    sheet.append([_("KẾT QUẢ THỰC HIỆN CHỈ TIÊU")])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append([_("STT"), _("Mã chỉ tiêu"), _("Chỉ tiêu"), _("Đơn vị"), _("Ngưỡng"),
                  _("Đối tượng"), _("Đã đạt"), _("Tỷ lệ (%)"), _("Còn thiếu"), _("Tình trạng")])
    for cell in sheet[3]:
        cell.font, cell.border = Font(bold=True), border
    for n, a in enumerate(figures, start=1):
        threshold = (f"{a.target.threshold:g}%" if a.target.threshold_kind == "percent"
                     else f"{a.target.threshold:g}")
        sheet.append([n, a.target.code, a.target.name, a.unit.name, threshold, a.population,
                      a.trained, a.percent, a.gap, str(a.status_label)])
        for cell in sheet[sheet.max_row]:
            cell.border = border
    for col, width in zip("ABCDEFGHIJ", (6, 18, 50, 26, 10, 10, 10, 10, 10, 16), strict=True):
        sheet.column_dimensions[col].width = width


def annex_pdf(plan, progress=lambda value: None) -> bytes:
    from weasyprint import HTML

    rows = annex_rows(plan)
    progress(30)
    html = render_to_string("plans/annex_pdf.html", {
        "plan": plan, "rows": rows, "headers": annex_headers(),
        "caption": annex_caption(plan), "figures": plan_attainments(plan), "today": today()})
    progress(50)
    return HTML(string=html).write_pdf()
