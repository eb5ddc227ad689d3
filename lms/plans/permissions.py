"""Who may see and change plans, built on lms.units.permissions (the one permission layer).

- read (Capability.READ_PLANS: teacher, school admin, officer): those whose role sits at,
  above or below the plan's issuing unit — the plan's own people and those who supervise them;
- create / edit a plan and its tasks (Capability.MANAGE_PLANS: officers and school heads):
  those whose role covers the issuing unit (at it or above it), never a unit below it;
- post an update: MANAGE_PLANS holders whose role sits at or under the task's lead unit or
  one of its cooperating units, for that role's unit. A supervisor above the lead unit does not
  post on its behalf (the update says which unit reports).
Everything else answers 404 so a plan's existence does not leak."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from lms.units.capabilities import Capability
from lms.units.models import Unit, path_and_ancestors
from lms.units.permissions import can_manage_unit, capability_roles, role_paths


def related_to(field: str, paths) -> Q:
    """`field` (a unit) sits at, above or below one of `paths`."""
    query = Q(pk__in=[])
    for path in paths:
        query |= (Q(**{f"{field}__path__startswith": path})
                  | Q(**{f"{field}__path__in": path_and_ancestors(path)}))
    return query


def plans_visible_to(user):
    from .models import Plan

    if user.is_authenticated and user.is_superuser:
        return Plan.objects.all()
    paths = role_paths(user, Capability.READ_PLANS)
    return Plan.objects.filter(related_to("issuing_unit", paths))


def plan_or_404(user, plan_id: int):
    return get_object_or_404(plans_visible_to(user).select_related("issuing_unit", "document"),
                             pk=plan_id)


def task_or_404(user, plan, task_id: int):
    # Cooperating units prefetched: update_units and the page's labels both read them.
    return get_object_or_404(plan.tasks.select_related("lead_unit", "target")
                             .prefetch_related("cooperating_units"), pk=task_id)


def can_edit_plan(user, plan) -> bool:
    return can_manage_unit(user, plan.issuing_unit, Capability.MANAGE_PLANS)


def require_edit(user, plan) -> None:
    # A reader who may not edit gets 404 too: the edit URL of a plan is not theirs to know.
    if not can_edit_plan(user, plan):
        raise Http404


def plan_units_for(user):
    """Units where `user` may create a plan: where their officer / school-head roles sit."""
    if user.is_superuser:
        return Unit.objects.filter(kind__is_class=False)
    return Unit.objects.filter(pk__in=capability_roles(user, Capability.MANAGE_PLANS)
                               .values("unit_id"),
                               kind__is_class=False)


def update_units(user, task) -> list[Unit]:
    """The units `user` may report for on `task` (empty → may not post updates)."""
    task_units = [task.lead_unit, *task.cooperating_units.all()]
    if user.is_authenticated and user.is_superuser:
        return task_units
    units = []
    for role in capability_roles(user, Capability.MANAGE_PLANS).select_related("unit"):
        if any(role.unit_path.startswith(u.path) for u in task_units) and role.unit not in units:
            units.append(role.unit)
    return units
