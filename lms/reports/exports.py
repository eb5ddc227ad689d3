"""Exports of a unit's report, built in a Celery task from counters: XLSX (one sheet per level,
laid out like a government annex), CSV, and the annual report as PDF (WeasyPrint)."""

import csv
import io
from typing import cast

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import ExportFormat, ExportJob, TargetUnitCounter
from .selectors import child_units, subtree_attainment, targets_for_unit, unit_attainments
from .services.exports import export_job_fail, export_job_finish, export_job_progress
from .splits import SPLIT_DIMS, split_lines, splits_of

CONTENT_TYPES: dict[str, str] = {
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.PDF: "application/pdf",
}


def _headers() -> list[str]:
    return [_("Đơn vị"), _("Cấp"), _("Mã chỉ tiêu"), _("Chỉ tiêu"), _("Ngưỡng"),
            _("Đối tượng"), _("Đã đạt"), _("Tỷ lệ (%)"), _("Còn thiếu"), _("Tình trạng")]


def _row(a) -> list:
    """One unit × target line. A unit with nobody in scope says so ("Không có đối tượng"); a
    sub-unit of an absolute target has no threshold or gap of its own: its status cell says
    "Đóng góp" with its share of the target unit's trained people."""
    threshold = (f"{a.target.threshold:g}%" if a.target.threshold_kind == "percent"
                 else f"{a.target.threshold:g}")
    if a.is_contribution:
        threshold = ""
    status = str(a.status_label)
    if a.status == "contribution":
        status = f"{status} {a.share:g}%"
    return [a.unit.name, a.unit.kind.name, a.target.code, a.target.name, threshold,
            a.population, a.trained, a.percent, "" if a.gap is None else a.gap, status]


def _sheet_title(text: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and allows 31 characters."""
    for bad in "[]:*?/\\":
        text = text.replace(bad, "-")
    return text[:31]


def split_table(unit, targets) -> list[list]:
    """Every split (incl. each ethnic group) of every target, for the unit and its direct
    children: one query over their counter rows."""
    units = [unit, *child_units(unit)]
    targets = list(targets)
    grouped: dict = {}
    for row in (TargetUnitCounter.objects.filter(unit__in=units, target__in=targets)
                .values("unit_id", "target_id", *SPLIT_DIMS, "population", "trained")):
        grouped.setdefault((row["unit_id"], row["target_id"]), []).append(row)
    table = []
    for u in units:
        for t in targets:
            rows = grouped.get((u.pk, t.pk))
            if not rows:
                continue
            for dim, group, population, trained in split_lines(splits_of(rows)):
                pct = round(100 * trained / population, 1) if population else 0.0
                table.append([u.name, t.code, str(dim), str(group), population, trained, pct])
    return table


def _splits_sheet(workbook, unit, targets) -> None:
    sheet = workbook.create_sheet(title=_sheet_title(_("Phân tách")))
    sheet.append([_("PHÂN TÁCH THEO GIỚI TÍNH, DÂN TỘC, HỘ GIA ĐÌNH, CẤP HỌC")])
    sheet.append([unit.name])
    sheet.append([])
    sheet.append([_("Đơn vị"), _("Mã chỉ tiêu"), _("Tiêu chí"), _("Nhóm"), _("Đối tượng"),
                  _("Đã đạt"), _("Tỷ lệ (%)")])
    for row in split_table(unit, targets):
        sheet.append(row)
    for col, width in zip("ABCDEFG", (36, 18, 24, 30, 10, 10, 10), strict=True):
        sheet.column_dimensions[col].width = width


def build_xlsx(unit, rows, progress, targets=()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    workbook = Workbook()
    workbook.remove(workbook.active)
    levels: dict = {}
    for a in rows:
        levels.setdefault(a.unit.depth, []).append(a)
    for n, (_depth, items) in enumerate(sorted(levels.items()), start=1):
        kinds = ", ".join(dict.fromkeys(a.unit.kind.name for a in items))
        sheet = workbook.create_sheet(title=_sheet_title(f"{n}. {kinds}"))
        sheet.append([_("PHỤ LỤC: KẾT QUẢ THỰC HIỆN CHỈ TIÊU")])
        sheet.append([f"{unit.name} — {timezone.localdate():%d/%m/%Y}"])
        sheet.append([])
        sheet.append([_("STT"), *_headers()])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = border
        for i, a in enumerate(items, start=1):
            sheet.append([i, *_row(a)])
            for cell in sheet[sheet.max_row]:
                cell.border = border
        sheet["A1"].font = Font(bold=True, size=13)
        for col, width in zip("ABCDEFGHIJK", (6, 36, 18, 14, 44, 10, 10, 10, 10, 10, 20),
                              strict=True):
            sheet.column_dimensions[col].width = width
        progress(40 + 40 * n // max(1, len(levels)))
    if targets:
        _splits_sheet(workbook, unit, targets)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def build_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headers())
    for a in rows:
        writer.writerow(_row(a))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def build_pdf(unit, requester, targets=None) -> bytes:
    from weasyprint import HTML

    targets = list(targets_for_unit(unit) if targets is None else targets)
    html = render_to_string("reports/annual_report_pdf.html", {
        "unit": unit, "figures": unit_attainments(unit, targets), "today": timezone.localdate(),
        "periods": sorted({t.period_label for t in targets}), "requester": requester})
    return HTML(string=html).write_pdf()


def export_build(job_id: int) -> None:
    """Idempotent: a finished job is left alone; a retried one starts over."""
    job = ExportJob.objects.select_related("unit", "unit__kind", "requested_by").get(pk=job_id)
    if job.finished_at:
        return

    def progress(value):
        export_job_progress(job.pk, value)

    language = getattr(job.requested_by, "preferred_language", "") or "vi"
    with translation.override(language):
        try:
            progress(10)
            targets = targets_for_unit(job.unit)
            if job.period_label:  # a prepared annual report: that period's targets only
                targets = targets.filter(period_label=job.period_label)
            targets = list(targets)
            rows = subtree_attainment(job.unit, targets)
            progress(40)
            if job.fmt == ExportFormat.XLSX:
                content = build_xlsx(job.unit, rows, progress, targets)
            elif job.fmt == ExportFormat.CSV:
                content = build_csv(rows)
            else:
                content = build_pdf(job.unit, job.requested_by, targets)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            kind = f"bao-cao-nam-{slugify(job.period_label)}" if job.period_label else "bao-cao"
            export_job_finish(job, content=content,
                              filename=f"{kind}-{job.unit.code or job.unit.pk}-{stamp}.{job.fmt}")
        except Exception as exc:  # recorded for the poll page, then re-raised for the worker
            export_job_fail(job.pk, str(exc))
            raise
        _email(job)


def _email(job: ExportJob) -> None:
    if job.requested_by is None or not job.requested_by.email:
        return
    message = EmailMessage(
        _("Báo cáo %(unit)s") % {"unit": job.unit.name},
        _("Báo cáo bạn yêu cầu đã sẵn sàng và được đính kèm thư này."),
        settings.DEFAULT_FROM_EMAIL, [job.requested_by.email])
    content = cast(bytes, job.content)  # set by export_build before it emails
    message.attach(job.filename, bytes(content), CONTENT_TYPES[job.fmt].split(";")[0])
    message.send(fail_silently=True)
