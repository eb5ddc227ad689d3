"""Officer pages: review candidates, run the evaluation, define rules, counts (+ XLSX).
Every page checks the role and the unit subtree; anything outside it answers 404."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import Unit

from . import selectors, services
from .exports import counts_xlsx
from .forms import RejectForm, RuleForm
from .models import Candidate, CandidateStatus, RecognitionKind
from .permissions import can_manage_recognition, can_review, top_managed_units
from .views import year_or_404


def managed_unit_or_404(user, unit_id: int) -> Unit:
    unit = Unit.objects.select_related("kind").filter(pk=unit_id).first()
    if unit is None or not can_manage_recognition(user, unit):
        raise Http404
    return unit


def _candidate_or_404(user, candidate_id: int, *related: str) -> Candidate:
    candidate = Candidate.objects.select_related("scope_unit", "household", *related).filter(
        pk=candidate_id).first()
    if candidate is None or not can_review(user, candidate):
        raise Http404
    return candidate


@requires(Capability.MANAGE_RECOGNITION)
def manage_home(request):
    units = top_managed_units(request.user)
    if len(units) == 1:
        return redirect("recognition:review", units[0].pk, timezone.localdate().year)
    if not units:
        raise Http404
    return render(request, "recognition/manage_home.html", {
        "units": units, "year": timezone.localdate().year})


@requires(Capability.MANAGE_RECOGNITION)
def review(request, unit_id: int, year: int):
    unit = managed_unit_or_404(request.user, unit_id)
    year_or_404(year)
    kind, status = request.GET.get("loai", ""), request.GET.get("trang-thai", "pending")
    candidates = selectors.candidates_in(unit, year, kind=kind, status=status)[:200]
    return render(request, "recognition/review.html", {
        "unit": unit, "year": year, "candidates": candidates, "kind": kind, "status": status,
        "kinds": RecognitionKind.choices, "statuses": CandidateStatus.choices,
        "counts": selectors.recognition_counts(unit, year), "reject_form": RejectForm(),
        "crumbs": [u for u in unit.get_ancestors() if can_manage_recognition(request.user, u)],
    })


def _back(request, candidate: Candidate):
    unit_id = request.POST.get("unit")
    year = candidate.year
    if unit_id and unit_id.isdigit():
        unit = Unit.objects.filter(pk=int(unit_id)).first()
        if unit and can_manage_recognition(request.user, unit):
            return redirect("recognition:review", unit.pk, year)
    return redirect("recognition:review", candidate.scope_unit_id, year)


@requires(Capability.MANAGE_RECOGNITION)
@require_POST
def confirm(request, candidate_id: int):
    candidate = _candidate_or_404(request.user, candidate_id)
    try:
        services.candidate_confirm(actor=request.user, candidate=candidate)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã công nhận: %(name)s.") % {"name": candidate.display_name})
    return _back(request, candidate)


@requires(Capability.MANAGE_RECOGNITION)
@require_POST
def reject(request, candidate_id: int):
    candidate = _candidate_or_404(request.user, candidate_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nêu lý do không công nhận."))
        return _back(request, candidate)
    try:
        services.candidate_reject(actor=request.user, candidate=candidate,
                                  reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã ghi nhận không công nhận: %(name)s.")
                         % {"name": candidate.display_name})
    return _back(request, candidate)


@requires(Capability.MANAGE_RECOGNITION)
@require_POST
def evaluate(request, unit_id: int, year: int):
    from .tasks import recognition_evaluate_task

    unit = managed_unit_or_404(request.user, unit_id)
    year_or_404(year)
    result = recognition_evaluate_task.delay(unit.pk, year)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        created = sum(result.get().values())
        messages.success(request, _("Đã đánh giá xong: %(n)s đề xuất mới.") % {"n": created})
    else:
        messages.success(request, _("Đang đánh giá; tải lại trang sau ít phút."))
    return redirect("recognition:review", unit.pk, year)


@requires(Capability.MANAGE_RECOGNITION)
def rule_edit(request, unit_id: int, year: int):
    unit = managed_unit_or_404(request.user, unit_id)
    year_or_404(year)
    own, values = selectors.rule_for(unit, year)
    initial = {f: getattr(values, f) for f in values.__dataclass_fields__}
    form = RuleForm(request.POST or None, instance=own, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.rule_save(actor=request.user, unit=unit, year=year, values=form.cleaned_data)
        messages.success(request, _("Đã lưu tiêu chí công nhận năm %(year)s.") % {"year": year})
        return redirect("recognition:review", unit.pk, year)
    return render(request, "recognition/rule_form.html", {
        "unit": unit, "year": year, "form": form, "own": own},
        status=400 if form.errors else 200)


@requires(Capability.MANAGE_RECOGNITION)
def counts(request, unit_id: int, year: int):
    unit = managed_unit_or_404(request.user, unit_id)
    year_or_404(year)
    if request.GET.get("dinh-dang") == "xlsx":  # the export's old address (issue 17)
        return redirect("recognition:counts_export", unit.pk, year, permanent=True)
    rows = selectors.counts_by_child(unit, year)
    return render(request, "recognition/counts.html", {
        "unit": unit, "year": year, "rows": rows, "kinds": RecognitionKind.choices})


@requires(Capability.MANAGE_RECOGNITION)
def counts_export(request, unit_id: int, year: int):
    unit = managed_unit_or_404(request.user, unit_id)
    year_or_404(year)
    rows = selectors.counts_by_child(unit, year)
    response = HttpResponse(counts_xlsx(unit, year, rows), content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = (
        f'attachment; filename="cong-dan-hoc-tap-{unit.pk}-{year}.xlsx"')
    return response


@requires(Capability.MANAGE_RECOGNITION)
def candidate_detail(request, candidate_id: int):
    candidate = _candidate_or_404(request.user, candidate_id,
                                  "commune", "reviewed_by", "certificate")
    return render(request, "recognition/candidate.html", {
        "c": candidate, "reject_form": RejectForm()})
