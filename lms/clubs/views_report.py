"""The club report for officers and school admins, scoped to their subtrees (404 outside)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from lms.common.query import param
from lms.common.text import vn_fold
from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import Unit

from .exports import report_xlsx
from .forms import ReportForm
from .permissions import can_view_report, report_home_units
from .reports import club_report
from .terms import current_term, term_choices, term_parse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_args(request):
    homes = report_home_units(request.user)
    if not homes:
        raise Http404
    raw = param(request.GET, "don-vi")
    if raw:
        unit = Unit.objects.select_related("kind").filter(pk=int(raw)).first() \
            if raw.isdecimal() else None
        if unit is None or not can_view_report(request.user, unit):
            raise Http404
    else:
        unit = homes[0]
    term = term_parse(param(request.GET, "hoc-ky")) or current_term()
    return homes, unit, term


def _crumbs(user, unit: Unit) -> list[Unit]:
    """The unit's ancestors the user may report on, then the unit itself."""
    above = [a for a in unit.get_ancestors() if can_view_report(user, a)]
    return [*above, unit]


@requires(Capability.MANAGE_REPORTS)
@require_GET
def report(request):
    homes, unit, term = _report_args(request)
    terms = term_choices()
    if term not in terms:
        terms = [term, *terms]
    form = ReportForm(initial={"term": term.code, "unit": unit.pk}, terms=terms)
    return render(request, "clubs/report.html", {
        "club_report": club_report(unit, term), "unit": unit, "term": term, "form": form,
        "homes": homes if len(homes) > 1 else [], "crumbs": _crumbs(request.user, unit),
    })


@requires(Capability.MANAGE_REPORTS)
@require_GET
def report_export(request):
    _homes, unit, term = _report_args(request)
    data = report_xlsx(club_report(unit, term))
    response = HttpResponse(data, content_type=XLSX)
    name = slugify(vn_fold(unit.name))[:40] or "don-vi"
    response["Content-Disposition"] = f'attachment; filename="clb-{name}-{term.code}.xlsx"'
    return response
