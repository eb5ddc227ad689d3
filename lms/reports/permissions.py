"""Report permissions, built on lms.units.permissions (the one permission layer)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit


def report_unit(user, unit_id: int, capability: Capability = Capability.VIEW_REPORTS) -> Unit:
    """The unit, if `user` holds `capability` over it; 404 otherwise (existence never leaks)."""
    unit = get_object_or_404(Unit.objects.select_related("kind"), pk=unit_id)
    if not can_manage_unit(user, unit, capability):
        raise Http404
    return unit


def can_edit_targets(user, unit: Unit) -> bool:
    """Officers and school heads set targets for their own subtree (never above it)."""
    return can_manage_unit(user, unit, Capability.MANAGE_REPORTS)


def can_review_submission(user, unit: Unit) -> bool:
    """The parent unit's officers review a child's submitted report."""
    parent = unit.get_parent()
    return parent is not None and can_manage_unit(user, parent, Capability.MANAGE_REPORTS)

