"""Reorganisation pages for officers: choose a move or merge, see its preview, confirm (a
POST, through lms.units.services), and the history of reorganisations with the report figures
frozen before each one. Permission: lms.units.permissions.can_reorganise; else 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import ChangeAction
from lms.units.permissions import can_reorganise, home_units
from lms.units.services import unit_merge, unit_move

from . import selectors
from .permissions import report_unit
from .reorganisation import reorganisation_preview
from .reorganise_forms import ReorganiseForm
from .services.history import changes_touching


def _unit(request, unit_id):
    unit = report_unit(request.user, unit_id)
    if unit.depth == 1 or not unit.is_active or not can_reorganise(request.user, unit):
        raise Http404
    return unit


def _crumbs(request, unit):
    tops = home_units(request.user, Capability.VIEW_REPORTS)
    return selectors.breadcrumbs(unit, [u.path for u in tops])


def _valid_form(request, unit):
    form = ReorganiseForm(request.POST, user=request.user, unit=unit)
    if form.is_valid() and not can_reorganise(request.user, unit,
                                              form.cleaned_data["destination"]):
        raise Http404
    return form


@requires(Capability.REORGANISE_UNITS)
@require_GET
def reorganise(request, unit_id):
    unit = _unit(request, unit_id)
    return render(request, "reports/reorganise_form.html", {
        "unit": unit, "form": ReorganiseForm(user=request.user, unit=unit),
        "crumbs": _crumbs(request, unit)})


@requires(Capability.REORGANISE_UNITS)
@require_POST
def reorganise_preview(request, unit_id):
    unit = _unit(request, unit_id)
    form = _valid_form(request, unit)
    preview = None
    if form.is_valid():
        try:
            preview = reorganisation_preview(action=form.cleaned_data["action"], unit=unit,
                                             destination=form.cleaned_data["destination"])
        except ValueError as exc:
            form.add_error("destination", str(exc))
    if preview is None:
        return render(request, "reports/reorganise_form.html", {
            "unit": unit, "form": form, "crumbs": _crumbs(request, unit)}, status=400)
    return render(request, "reports/reorganise_preview.html", {
        "unit": unit, "form": form, "preview": preview, "crumbs": _crumbs(request, unit)})


@requires(Capability.REORGANISE_UNITS)
@require_POST
def reorganise_confirm(request, unit_id):
    unit = _unit(request, unit_id)
    form = _valid_form(request, unit)
    if form.is_valid():
        destination, action = form.cleaned_data["destination"], form.cleaned_data["action"]
        try:
            if action == ChangeAction.MERGE:
                unit_merge(source=unit, target=destination, actor=request.user)
                messages.success(request, _("Đã sáp nhập “%(unit)s” vào “%(dest)s”.")
                                 % {"unit": unit.name, "dest": destination.name})
            else:
                unit_move(unit=unit, new_parent=destination, actor=request.user)
                messages.success(request, _("Đã chuyển “%(unit)s” vào “%(dest)s”.")
                                 % {"unit": unit.name, "dest": destination.name})
        except ValueError as exc:
            form.add_error("destination", str(exc))
        else:
            return redirect(reverse("reports:reorganise_history", args=[destination.pk]))
    return render(request, "reports/reorganise_form.html", {
        "unit": unit, "form": form, "crumbs": _crumbs(request, unit)}, status=400)


@requires(Capability.REORGANISE_UNITS)
@require_GET
def reorganise_history(request, unit_id):
    unit = report_unit(request.user, unit_id)
    changes = list(changes_touching(unit)[:50])
    for change in changes:
        by_target: dict = {}
        for snap in change.report_snapshots.all():
            by_target.setdefault((snap.target_name, snap.period_label), []).append(snap)
        change.figures = sorted(by_target.items())
    return render(request, "reports/reorganise_history.html", {
        "unit": unit, "changes": changes, "crumbs": _crumbs(request, unit),
        "can_reorganise": unit.depth > 1 and unit.is_active
        and can_reorganise(request.user, unit)})
