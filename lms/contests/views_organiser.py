"""Organisers' pages: a round unit's judges, judging progress, results preview, publishing
(which promotes the top entries), the XLSX export, and the contest report. Organisers are
school admins / officers over the round's unit; everyone else gets 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit

from . import exports, permissions, report, selectors
from .forms import JudgeAssignForm, PublishForm
from .models import Contest, JudgeAssignment, RoundUnit
from .services import judging, promotion


def _organised(request, round_unit_id: int) -> RoundUnit:
    round_unit = get_object_or_404(
        RoundUnit.objects.select_related("round__contest", "unit__kind"), pk=round_unit_id)
    if not permissions.can_organise(request.user, round_unit):
        raise Http404
    return round_unit


@signed_in
def organiser_home(request):
    # The contest report covers units above schools (report_scopes): a school's head organises
    # its round but has no report to open, so no link to one (issue 19).
    return render(request, "contests/organiser_home.html", {
        "round_units": selectors.organised_round_units(request.user),
        "can_report": report.report_scopes(request.user).exists()})


@requires(Capability.ORGANISE_CONTESTS)
def organiser_round(request, round_unit_id: int, *, assign_form=None, status=200):
    round_unit = _organised(request, round_unit_id)
    results = promotion.results_compute(round_unit) if round_unit.published_at is None else [
        (er, None) for er in selectors.round_unit_entries(round_unit)]
    return render(request, "contests/organiser_round.html", {
        "round_unit": round_unit, "progress": judging.judging_progress(round_unit),
        "results": results, "assign_form": assign_form or JudgeAssignForm(),
        "publish_form": PublishForm(), "open": judging.judging_open(round_unit),
        "final": round_unit.round.is_final()}, status=status)


@requires(Capability.ORGANISE_CONTESTS)
@require_POST
def judge_assign(request, round_unit_id: int):
    round_unit = _organised(request, round_unit_id)
    form = JudgeAssignForm(request.POST)
    if form.is_valid():
        try:
            judging.judge_assign(actor=request.user, round_unit=round_unit,
                                 username=form.cleaned_data["username"])
        except ValidationError as exc:
            form.add_error("username", exc.messages)
        else:
            messages.success(request, _("Đã phân công giám khảo."))
            return redirect("contests:organiser_round", round_unit_id=round_unit.pk)
    return organiser_round(request, round_unit_id, assign_form=form, status=400)


@requires(Capability.ORGANISE_CONTESTS)
@require_POST
def judge_unassign(request, assignment_id: int):
    assignment = get_object_or_404(JudgeAssignment.objects.select_related("round_unit__unit"),
                                   pk=assignment_id)
    if not permissions.can_organise(request.user, assignment.round_unit):
        raise Http404
    try:
        judging.judge_unassign(actor=request.user, assignment=assignment)
        messages.success(request, _("Đã bỏ phân công giám khảo."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("contests:organiser_round", round_unit_id=assignment.round_unit_id)


@requires(Capability.ORGANISE_CONTESTS)
@require_POST
def publish(request, round_unit_id: int):
    round_unit = _organised(request, round_unit_id)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        done = promotion.round_unit_publish(actor=request.user, round_unit=round_unit,
                                            force=form.cleaned_data.get("force", False))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã công bố kết quả.") if done
                         else _("Kết quả đã được công bố trước đó."))
    return redirect("contests:organiser_round", round_unit_id=round_unit.pk)


def _xlsx(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Capability.ORGANISE_CONTESTS)
def export_round(request, round_unit_id: int):
    round_unit = _organised(request, round_unit_id)
    name = slugify(f"cuoc-thi-{round_unit.round.contest.year}-vong-{round_unit.round.order}-"
                   f"{round_unit.unit.code or round_unit.unit.pk}")
    return _xlsx(exports.round_unit_xlsx(round_unit), name)


@requires(Capability.ORGANISE_CONTESTS)
def contest_report(request, slug: str):
    contest = get_object_or_404(Contest, slug=slug)
    scopes = list(report.report_scopes(request.user))
    unit_id = request.GET.get("don_vi")
    if unit_id:
        scope = get_object_or_404(Unit, pk=unit_id) if unit_id.isdigit() else None
        if scope is None or not can_manage_unit(request.user, scope, permissions.ORGANISER):
            raise Http404
    elif scopes:
        scope = scopes[0]
    else:
        raise Http404
    data = report.contest_report(contest, scope)
    if request.GET.get("dinh_dang") == "xlsx":
        return _xlsx(exports.report_xlsx(data), slugify(f"bao-cao-cuoc-thi-{contest.year}-"
                                                        f"{scope.code or scope.pk}"))
    return render(request, "contests/report.html", {**data, "scopes": scopes})
