"""Every write of assignments and hand-ins. Each service checks the actor through
permissions.py first (PermissionError) and queues its notices after commit."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.units.models import Unit

from ..models import Assignment, AssignmentFile, Submission, SubmissionFile, SubmissionStatus
from ..permissions import can_mark, can_set_assignments, is_assigned
from ..rubrics import rubric_fill
from ..selectors import class_learners


class HandInClosed(Exception):
    """The learner may not hand in (again): past the due time with work already handed in,
    or the work was returned with a mark."""


def _store_files(model, owner_field: str, owner, prepared) -> None:
    """`prepared`: (upload, sniffed mime) pairs already validated (files.validate_upload)."""
    for upload, mime in prepared:
        row = model(**{owner_field: owner}, name=upload.name[-200:], content_type=mime,
                    size=upload.size)
        row.file.save(upload.name, upload, save=False)
        row.save()


def _announce(assignment_id: int) -> None:
    from ..tasks import assignment_announce

    transaction.on_commit(lambda: assignment_announce.delay(assignment_id))


@transaction.atomic
def assignment_create(*, actor: User, unit: Unit, title: str, instructions: str,
                      due_at: dt.datetime, lesson=None, learners: list[User] | None = None,
                      files=()) -> Assignment:
    """For the whole class (`learners` None or empty) or the chosen current learners."""
    if not can_set_assignments(actor, unit):
        raise PermissionError
    members = {learner.pk for learner in class_learners(unit)}
    chosen = [learner for learner in (learners or []) if learner.pk in members]
    if learners and not chosen:
        raise ValidationError(_("Hãy chọn học sinh của lớp này."))
    assignment = Assignment.objects.create(
        unit=unit, title=title, instructions=instructions, due_at=due_at, lesson=lesson,
        for_everyone=not chosen, created_by=actor)
    if chosen:
        assignment.assignees.set(chosen)
    _store_files(AssignmentFile, "assignment", assignment, files)
    _announce(assignment.pk)
    return assignment


@transaction.atomic
def assignment_update(*, actor: User, assignment: Assignment, title: str, instructions: str,
                      due_at: dt.datetime, lesson=None, files=(),
                      learners: list[User] | None = None) -> Assignment:
    """Title, instructions, due time, lesson and who it is set for; new files are added.
    `learners` None keeps who it is set for; empty: the whole class; else the chosen current
    learners plus everyone who already handed in (a hand-in never loses its assignment).
    Learners newly set for it are told (the announce task's dedupe key skips the others)."""
    if not can_set_assignments(actor, assignment.unit):
        raise PermissionError
    assignment.title, assignment.instructions = title, instructions
    assignment.due_at, assignment.lesson = due_at, lesson
    fields = ["title", "instructions", "due_at", "lesson"]
    if learners is not None:
        members = {learner.pk for learner in class_learners(assignment.unit)}
        chosen = {learner.pk for learner in learners if learner.pk in members}
        if learners and not chosen:
            raise ValidationError(_("Hãy chọn học sinh của lớp này."))
        if chosen:
            chosen |= set(assignment.submissions.values_list("learner_id", flat=True))
            assignment.assignees.set(sorted(chosen))
        else:
            assignment.assignees.clear()
        assignment.for_everyone = not chosen
        fields.append("for_everyone")
    assignment.save(update_fields=fields)
    _store_files(AssignmentFile, "assignment", assignment, files)
    if learners is not None:
        _announce(assignment.pk)
    return assignment


@transaction.atomic
def assignment_delete(*, actor: User, assignment: Assignment) -> None:
    if not can_set_assignments(actor, assignment.unit):
        raise PermissionError
    files = [str(f.file.name) for f in AssignmentFile.objects.filter(assignment=assignment)]
    files += [str(f.file.name) for f in SubmissionFile.objects.filter(
        submission__assignment=assignment)]
    assignment.delete()
    transaction.on_commit(lambda: _files_remove(files))


def _files_remove(names: list[str]) -> None:
    from ..files import classroom_storage

    for name in names:
        classroom_storage.delete(name)


def submission_hand_in(*, actor: User, assignment: Assignment, text: str, files=(),
                       now: dt.datetime | None = None) -> Submission:
    """Hand in (or again, before the due time). New files replace the earlier ones; with no new
    file the earlier ones stay. After the due time a first hand-in is accepted and marked
    late; a second is refused, as is any after the work was returned."""
    if not is_assigned(actor, assignment):
        raise PermissionError
    if not text.strip() and not files:
        raise ValidationError(_("Hãy viết bài làm hoặc chọn ít nhất một tệp."))
    now = now or timezone.now()
    late = now > assignment.due_for(actor.pk)
    try:
        with transaction.atomic():
            submission = (Submission.objects.select_for_update()
                          .filter(assignment=assignment, learner=actor).first())
            if submission is None:
                submission = Submission.objects.create(
                    assignment=assignment, learner=actor, text=text, submitted_at=now,
                    late=late)
            else:
                if submission.status == SubmissionStatus.RETURNED or late:
                    raise HandInClosed
                submission.text, submission.submitted_at = text, now
                submission.save(update_fields=["text", "submitted_at"])
                if files:
                    old = list(submission.files.all())
                    SubmissionFile.objects.filter(submission=submission).delete()
                    names = [str(f.file.name) for f in old]
                    transaction.on_commit(lambda: _files_remove(names))
            _store_files(SubmissionFile, "submission", submission, files)
    except IntegrityError as exc:  # a second tab created it first: the learner tries again
        raise HandInClosed from exc
    return submission


@transaction.atomic
def submission_mark(*, actor: User, submission: Submission, score: Decimal | None = None,
                    comment: str, rubric_levels: list[int] | None = None,
                    now: dt.datetime | None = None) -> Submission:
    """Score (0–10), comment and return the work to the learner; marking again replaces the
    mark (the learner is told of each new mark once). With a rubric the score is computed
    from one level per criterion (`rubric_levels`) and the filled rubric kept with it."""
    if not can_mark(actor, submission.assignment):
        raise PermissionError
    filled: list[dict] = []
    if submission.assignment.rubric:
        try:
            score, filled = rubric_fill(submission.assignment.rubric, rubric_levels or [])
        except ValueError as exc:
            raise ValidationError(_("Hãy chọn một mức cho mỗi tiêu chí.")) from exc
    if score is None:
        raise ValidationError(_("Điểm là một số từ 0 đến 10, ví dụ 8,5."))
    submission.score, submission.comment = score, comment
    submission.rubric_filled = filled
    submission.marked_by = actor
    submission.status = SubmissionStatus.RETURNED
    submission.returned_at = now or timezone.now()
    submission.save(update_fields=["score", "comment", "rubric_filled", "marked_by", "status",
                                   "returned_at"])
    from ..tasks import submission_returned

    submission_id = submission.pk
    transaction.on_commit(lambda: submission_returned.delay(submission_id))
    return submission
