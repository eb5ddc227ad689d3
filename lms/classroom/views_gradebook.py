"""The class gradebook page and its CSV and XLSX exports (markers of the class only)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from lms.common.text import vn_fold
from lms.units.access import requires
from lms.units.capabilities import Capability

from . import exports
from .gradebook import cell_text, gradebook, status_labels
from .permissions import class_or_404


@requires(Capability.MARK_SUBMISSIONS)
@require_GET
def gradebook_page(request, unit_id: int):
    unit = class_or_404(request.user, unit_id, Capability.MARK_SUBMISSIONS)
    grid = gradebook(unit)
    labels = status_labels()
    from .scores import score_display

    # The body's 1,800 cells (45 learners × 40 assignments) are joined here rather than by
    # the template's loop (a tenth of the time): each label escaped once, names escaped,
    # scores are digits and a comma, states are our own class names.
    labels = {status: escape(text) for status, text in labels.items()}
    body = mark_safe("\n".join(  # noqa: S308 - every piece escaped above or our own
        "<tr><th scope=\"row\">" + escape(row.learner.get_full_name() or row.learner.username)
        + "</th>" + "".join(f'<td class="{cell.status}">{cell_text(cell, labels)}</td>'
                            for cell in row.cells)
        + f"<td>{score_display(row.average)}</td></tr>" for row in grid.rows))
    return render(request, "classroom/gradebook.html", {
        "unit": unit, "grid": grid, "body": body,
        "column_averages": [score_display(v) for v in grid.column_averages],
        "class_average": score_display(grid.class_average)})


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _filename(unit, extension: str) -> str:
    slug = "-".join(vn_fold(unit.name).split()) or str(unit.pk)
    return f"so-diem-{slug}.{extension}"


@requires(Capability.MARK_SUBMISSIONS)
@require_GET
def gradebook_csv(request, unit_id: int):
    unit = class_or_404(request.user, unit_id, Capability.MARK_SUBMISSIONS)
    return _download(exports.gradebook_csv(gradebook(unit)), "text/csv; charset=utf-8",
                     _filename(unit, "csv"))


@requires(Capability.MARK_SUBMISSIONS)
@require_GET
def gradebook_xlsx(request, unit_id: int):
    unit = class_or_404(request.user, unit_id, Capability.MARK_SUBMISSIONS)
    return _download(exports.gradebook_xlsx(gradebook(unit)), exports.XLSX_TYPE,
                     _filename(unit, "xlsx"))
