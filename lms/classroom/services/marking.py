"""Marking beyond a hand-in: the assignment's rubric, scoring work done on paper (a learner
who handed nothing in), and per-learner due-time extensions. Each checks permissions.py first
(PermissionError)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User

from ..models import Assignment, Submission
from ..permissions import can_mark, can_set_assignments
from ..selectors import set_for
from .work import submission_mark


@transaction.atomic
def assignment_rubric_set(*, actor: User, assignment: Assignment, rubric: list[dict]
                          ) -> Assignment:
    """Set (or, empty, remove) the rubric. Marks already given keep their filled rubric."""
    if not can_set_assignments(actor, assignment.unit):
        raise PermissionError
    assignment.rubric = rubric
    assignment.save(update_fields=["rubric"])
    return assignment


def _assigned_or_error(assignment: Assignment, learner: User) -> None:
    if learner.pk not in {member.pk for member in set_for(assignment)}:
        raise ValidationError(_("Học sinh này không được giao bài tập này."))


def submission_mark_paper(*, actor: User, assignment: Assignment, learner: User,
                          score: Decimal | None = None, comment: str,
                          rubric_levels: list[int] | None = None,
                          now: dt.datetime | None = None) -> Submission:
    """Score a learner who handed nothing in (work done on paper): a hand-in without text or
    files, marked `on_paper`, then marked and returned as any other. If the learner handed in
    meanwhile, their hand-in is the one marked."""
    if not can_mark(actor, assignment):
        raise PermissionError
    _assigned_or_error(assignment, learner)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(
                assignment=assignment, learner=learner,
                defaults={"submitted_at": now, "on_paper": True})
    except IntegrityError:  # the learner's own hand-in arrived in between
        submission = Submission.objects.get(assignment=assignment, learner=learner)
    submission.assignment = assignment
    return submission_mark(actor=actor, submission=submission, score=score, comment=comment,
                           rubric_levels=rubric_levels, now=now)


@transaction.atomic
def assignment_extend(*, actor: User, assignment: Assignment, learner: User,
                      due_at: dt.datetime | None) -> Assignment:
    """Give one learner a later due time (or, None, take the extension back). Their hand-in
    is late only after it; reminders follow it."""
    if not can_set_assignments(actor, assignment.unit):
        raise PermissionError
    _assigned_or_error(assignment, learner)
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    extensions = dict(locked.extensions or {})
    if due_at is None:
        extensions.pop(str(learner.pk), None)
    else:
        if due_at <= assignment.due_at:
            raise ValidationError(_("Hạn gia hạn phải sau hạn nộp chung."))
        extensions[str(learner.pk)] = due_at.astimezone(dt.UTC).isoformat()
    Assignment.objects.filter(pk=assignment.pk).update(extensions=extensions)
    assignment.extensions = extensions
    return assignment
