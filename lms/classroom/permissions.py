"""Who may set, see, hand in and mark assignments, built only on lms.units.permissions.

- Teachers and school heads holding SET_ASSIGNMENTS / MARK_SUBMISSIONS over the class (a
  teacher's role counts at the class or its school) set work and mark it.
- A learner hands in (HAND_IN) only in a class they are a current member of, only work set
  for them (the whole class or chosen learners), and sees only their own hand-in.
- A parent sees the work of their own children (a live guardian link), nothing else.
Forbidden objects answer 404 (views) or PermissionError (services)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from lms.accounts.models import User
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, can_view_learner, role_paths

from .models import Assignment, Submission, SubmissionStatus


def class_or_404(user, unit_id: int, capability: Capability) -> Unit:
    unit = get_object_or_404(Unit.objects.only("pk", "name", "path"), pk=unit_id,
                             kind__is_class=True)
    if not can_manage_unit(user, unit, capability):
        raise Http404
    return unit


def can_set_assignments(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit, Capability.SET_ASSIGNMENTS)


def can_mark(user, assignment: Assignment) -> bool:
    return can_manage_unit(user, assignment.unit, Capability.MARK_SUBMISSIONS)


def is_class_member(user, unit: Unit) -> bool:
    """A current learner of the class itself (a learner role sits at its class), never a
    superuser by default: only members hand in."""
    return user.is_authenticated and unit.path in role_paths(user, Capability.HAND_IN)


def is_assigned(user, assignment: Assignment) -> bool:
    if not is_class_member(user, assignment.unit):
        return False
    return assignment.for_everyone or assignment.assignees.filter(pk=user.pk).exists()


def may_hand_in(assignment: Assignment, submission: Submission | None, *, now=None) -> bool:
    """The hand-in form shows (for a learner it is set for): before the due time until the work
    is returned; after it, only for a first, late hand-in (services.submission_hand_in
    enforces the same)."""
    from django.utils import timezone

    if submission is None:
        return True
    now = now or timezone.now()
    return (submission.status != SubmissionStatus.RETURNED
            and now <= assignment.due_for(submission.learner_id))


def is_guardian_of(user, learner: User) -> bool:
    return user.is_authenticated and user.children_links.filter(
        learner=learner, revoked_at__isnull=True).exists()


def can_view_assignment(user, assignment: Assignment) -> bool:
    return (can_mark(user, assignment) or can_set_assignments(user, assignment.unit)
            or is_assigned(user, assignment))


def can_view_submission(user, submission: Submission) -> bool:
    """The learner, the class's markers, and the learner's own parents."""
    if not user.is_authenticated:
        return False
    return (submission.learner_id == user.pk or can_mark(user, submission.assignment)
            or is_guardian_of(user, submission.learner))


def can_view_child_work(user, learner: User) -> bool:
    """The child's work page: the learner, their parents (live link) and staff who may see
    parent pages over one of the child's classes."""
    return can_view_learner(user, learner, Capability.VIEW_PARENT_PAGES)


def assignment_or_404(user, assignment_id: int) -> Assignment:
    assignment = get_object_or_404(Assignment.objects.select_related("unit", "lesson"),
                                   pk=assignment_id)
    if not can_view_assignment(user, assignment):
        raise Http404
    return assignment


def submission_or_404(user, submission_id: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("assignment__unit", "learner"), pk=submission_id)
    if not can_view_submission(user, submission):
        raise Http404
    return submission


def can_post_to_stream(user, unit: Unit) -> bool:
    """The class's teachers and school heads (TEACH_CLASSES over the class)."""
    return can_manage_unit(user, unit, Capability.TEACH_CLASSES)


def can_view_stream(user, unit: Unit) -> bool:
    """The class's teachers and its current learners; nobody else (no other class, no
    parent: posts meant for parents go through the families app's class news)."""
    return can_post_to_stream(user, unit) or is_class_member(user, unit)


def can_comment(user, post) -> bool:
    return post.comments_open and can_view_stream(user, post.unit)


def stream_class_or_404(user, unit_id: int) -> Unit:
    unit = get_object_or_404(Unit.objects.only("pk", "name", "path"), pk=unit_id,
                             kind__is_class=True)
    if not can_view_stream(user, unit):
        raise Http404
    return unit
