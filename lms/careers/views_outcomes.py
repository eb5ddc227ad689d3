"""Employment outcomes: learners report their own; teachers and school heads record their
trainees'; officers and school heads see the employment rate of their subtree (XLSX too)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms.accounts.models import User
from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability
from lms.units.models import RoleKind
from lms.units.permissions import home_units

from . import rates, selectors, services
from .forms import OutcomeForm
from .permissions import (
    RATE_VIEWER,
    RECORDER,
    can_record_outcome,
    rate_unit,
    recorder_class,
)


def _record(request, learner, form) -> bool:
    if not form.is_valid():
        return False
    data = form.cleaned_data
    services.outcome_record(actor=request.user, learner=learner, status=data["status"],
                            employer_name=data["employer_name"], date=data["date"],
                            occupation=data["occupation"])
    messages.success(request, _("Đã ghi nhận tình trạng việc làm."))
    return True


@signed_in
@require_http_methods(["GET", "POST"])
def my_outcome(request):
    if not selectors.has_trained(request.user):
        raise Http404
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and _record(request, request.user, form):
        return redirect("careers:my_outcome")
    return render(request, "careers/my_outcome.html", {
        "form": form, "history": selectors.outcome_history(request.user)},
        status=400 if form.errors else 200)


@requires(Capability.RECORD_OUTCOMES)
@require_GET
def tracking_home(request):
    """The classes the teacher or school head can record outcomes for."""
    from lms.units.permissions import units_visible_to

    classes = (units_visible_to(request.user, RECORDER).filter(kind__is_class=True)
               .select_related("kind").order_by("name"))
    if not request.user.is_superuser and not home_units(request.user, RECORDER):
        raise Http404
    return render(request, "careers/tracking_home.html", {
        "classes": classes, "rate_units": home_units(request.user, RATE_VIEWER)})


@requires(Capability.RECORD_OUTCOMES)
@require_GET
def class_outcomes(request, unit_id):
    klass = recorder_class(request.user, unit_id)
    learners = list(User.objects.filter(roles__unit=klass, roles__kind=RoleKind.LEARNER,
                                        roles__ended_at__isnull=True).order_by("name_key", "pk"))
    latest = selectors.latest_outcomes([learner.pk for learner in learners])
    return render(request, "careers/class_outcomes.html", {
        "unit": klass, "rows": [(learner, latest.get(learner.pk)) for learner in learners]})


@requires(Capability.RECORD_OUTCOMES)
@require_http_methods(["GET", "POST"])
def learner_outcome(request, learner_id, unit_id):
    klass = recorder_class(request.user, unit_id)
    learner = get_object_or_404(User, pk=learner_id, roles__unit=klass,
                                roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True)
    if not can_record_outcome(request.user, learner):
        raise Http404
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and _record(request, learner, form):
        return redirect("careers:class_outcomes", unit_id=klass.pk)
    return render(request, "careers/learner_outcome.html", {
        "unit": klass, "learner": learner, "form": form,
        "history": selectors.outcome_history(learner)}, status=400 if form.errors else 200)


@requires(Capability.MANAGE_REPORTS)
@require_GET
def rates_home(request):
    units = home_units(request.user, RATE_VIEWER)
    if not units:
        raise Http404
    return redirect("careers:rates", unit_id=units[0].pk)


@requires(Capability.MANAGE_REPORTS)
@require_GET
def rates_page(request, unit_id):
    unit = rate_unit(request.user, unit_id)
    total, rows = rates.employment_rates(unit)
    tops = [u.path for u in home_units(request.user, RATE_VIEWER)]
    crumbs = [a for a in [*unit.get_ancestors(), unit]
              if request.user.is_superuser or any(a.path.startswith(t) for t in tops)]
    return render(request, "careers/rates.html", {
        "unit": unit, "total": total, "rows": rows, "crumbs": crumbs,
        "target": rates.TARGET_PERCENT})


@requires(Capability.MANAGE_REPORTS)
@require_GET
def rates_export(request, unit_id):
    unit = rate_unit(request.user, unit_id)
    total, rows = rates.employment_rates(unit)
    response = HttpResponse(
        rates.build_xlsx(total, rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="ty-le-viec-lam-{unit.pk}.xlsx"'
    return response
