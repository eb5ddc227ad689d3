"""Career permissions, built on lms.units.permissions (the one permission layer). Forbidden
objects answer 404 in the views, so their existence is not revealed."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, learner_unit_paths, units_visible_to

APPROVER = Capability.APPROVE_EMPLOYERS
RECORDER = Capability.RECORD_OUTCOMES
RATE_VIEWER = Capability.MANAGE_REPORTS  # the employment rate is a management report


def employer_of(user):
    """The employer `user` acts for, or None."""
    if not user.is_authenticated:
        return None
    from .models import EmployerMember

    member = (EmployerMember.objects.filter(user=user).select_related("employer", "employer__unit")
              .first())
    return member.employer if member else None


def can_approve_employer(user, employer) -> bool:
    """Officers and school heads over the employer's unit (its subtree includes the unit)."""
    return can_manage_unit(user, employer.unit, APPROVER)


def can_record_outcome(user, learner) -> bool:
    """A teacher or school head over one of the learner's classes (which implies
    can_view_learner); never the learner themself through the staff path."""
    if not user.is_authenticated or user.pk == learner.pk:
        return False
    return (units_visible_to(user, RECORDER)
            .filter(path__in=learner_unit_paths(learner)).exists())


def recorder_class(user, unit_id: int) -> Unit:
    """A class the user teaches or heads; 404 otherwise."""
    unit = get_object_or_404(Unit.objects.select_related("kind"), pk=unit_id, kind__is_class=True)
    if not can_manage_unit(user, unit, RECORDER):
        raise Http404
    return unit


def rate_unit(user, unit_id: int) -> Unit:
    """A unit the user may see the employment rate of (officers, school heads); 404 otherwise."""
    unit = get_object_or_404(Unit.objects.select_related("kind"), pk=unit_id)
    if not can_manage_unit(user, unit, RATE_VIEWER):
        raise Http404
    return unit

