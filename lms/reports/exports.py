"""Exports of a unit's report, built in a Celery task from counters: XLSX (one sheet per level,
laid out like a government annex), CSV, and the annual report as PDF (WeasyPrint)."""

import csv
import io

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import ExportFormat, ExportJob
from .selectors import subtree_attainment, targets_for_unit, unit_attainments

CONTENT_TYPES = {
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.PDF: "application/pdf",
}


def _headers() -> list[str]:
    return [_("Đơn vị"), _("Cấp"), _("Mã chỉ tiêu"), _("Chỉ tiêu"), _("Ngưỡng"),
            _("Đối tượng"), _("Đã đạt"), _("Tỷ lệ (%)"), _("Còn thiếu")]


def _row(a) -> list:
    threshold = (f"{a.target.threshold:g}%" if a.target.threshold_kind == "percent"
                 else f"{a.target.threshold:g}")
    return [a.unit.name, a.unit.kind.name, a.target.code, a.target.name, threshold,
            a.population, a.trained, a.percent, a.gap]


def _sheet_title(text: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and allows 31 characters."""
    for bad in "[]:*?/\\":
        text = text.replace(bad, "-")
    return text[:31]


def build_xlsx(unit, rows, progress) -> bytes:
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
        for col, width in zip("ABCDEFGHIJ", (6, 36, 18, 14, 44, 10, 10, 10, 10, 10), strict=True):
            sheet.column_dimensions[col].width = width
        progress(40 + 40 * n // max(1, len(levels)))
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


def build_pdf(unit, requester) -> bytes:
    from weasyprint import HTML

    targets = list(targets_for_unit(unit))
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
        ExportJob.objects.filter(pk=job.pk).update(progress=value)

    with translation.override(job.requested_by.preferred_language or "vi"):
        try:
            progress(10)
            rows = subtree_attainment(job.unit, targets_for_unit(job.unit))
            progress(40)
            if job.fmt == ExportFormat.XLSX:
                content = build_xlsx(job.unit, rows, progress)
            elif job.fmt == ExportFormat.CSV:
                content = build_csv(rows)
            else:
                content = build_pdf(job.unit, job.requested_by)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            job.filename = f"bao-cao-{job.unit.code or job.unit.pk}-{stamp}.{job.fmt}"
            job.content = content
            job.progress = 100
            job.finished_at = timezone.now()
            job.save(update_fields=["filename", "content", "progress", "finished_at"])
        except Exception as exc:  # recorded for the poll page, then re-raised for the worker
            ExportJob.objects.filter(pk=job.pk).update(error=str(exc)[:2000])
            raise
        _email(job)


def _email(job: ExportJob) -> None:
    if not job.requested_by.email:
        return
    message = EmailMessage(
        _("Báo cáo %(unit)s") % {"unit": job.unit.name},
        _("Báo cáo bạn yêu cầu đã sẵn sàng và được đính kèm thư này."),
        settings.DEFAULT_FROM_EMAIL, [job.requested_by.email])
    message.attach(job.filename, bytes(job.content), CONTENT_TYPES[job.fmt].split(";")[0])
    message.send(fail_silently=True)
