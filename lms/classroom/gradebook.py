"""The class gradebook: assignments × learners with each learner's state and score, the
averages of each learner and each assignment. Four queries whatever the class's size
(learners, assignments, chosen learners of assignments not set for everyone, hand-ins: only
the columns the grid shows); the page and both exports (exports.py) read this one grid."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.units.models import Unit

from .models import Assignment, Submission
from .scores import average, score_display
from .selectors import Status, class_learners, status_of

NOT_SET = "none"  # the assignment is not set for this learner


@dataclass(slots=True)
class Cell:
    status: str
    score: Decimal | None = None
    submission_id: int | None = None


@dataclass
class Row:
    learner: User
    cells: list[Cell] = field(default_factory=list)
    average: Decimal | None = None


@dataclass
class Grid:
    unit: Unit
    assignments: list[Assignment]
    rows: list[Row]
    column_averages: list[Decimal | None]
    class_average: Decimal | None


def gradebook(unit: Unit, *, now=None) -> Grid:
    now = now or timezone.now()
    learners = class_learners(unit)
    assignments = list(Assignment.objects.filter(unit=unit).order_by("due_at", "pk")
                       .only("pk", "title", "due_at", "for_everyone", "extensions"))
    chosen: dict[int, set[int]] = defaultdict(set)
    partial = [a.pk for a in assignments if not a.for_everyone]
    if partial:
        through = Assignment.assignees.through
        for assignment_id, user_id in through.objects.filter(
                assignment_id__in=partial).values_list("assignment_id", "user_id"):
            chosen[assignment_id].add(user_id)
    hand_ins = {(a, learner): (status, late, score, pk)
                for a, learner, status, late, score, pk in Submission.objects.filter(
                    assignment__unit=unit).values_list("assignment_id", "learner_id", "status",
                                                       "late", "score", "pk")}
    rows = []
    column_scores: list[list[Decimal]] = [[] for _ in assignments]
    for learner in learners:
        row = Row(learner)
        scores = []
        for index, assignment in enumerate(assignments):
            if not assignment.for_everyone and learner.pk not in chosen[assignment.pk]:
                row.cells.append(Cell(NOT_SET))
                continue
            status, late, score, pk = hand_ins.get((assignment.pk, learner.pk),
                                                   (None, False, None, None))
            cell = Cell(status_of(assignment.due_for(learner.pk), status, late, now),
                        score if status is not None else None, pk)
            row.cells.append(cell)
            if cell.status == Status.RETURNED and score is not None:
                scores.append(score)
                column_scores[index].append(score)
        row.average = average(scores)
        rows.append(row)
    every = [score for scores in column_scores for score in scores]
    return Grid(unit, assignments, rows, [average(scores) for scores in column_scores],
                average(every))


def status_labels() -> dict[str, str]:
    """The short words a cell shows when it has no score, in the active language."""
    return {Status.ASSIGNED: "—", Status.SUBMITTED: _("Đã nộp"), Status.LATE: _("Nộp muộn"),
            Status.MISSING: _("Chưa nộp"), Status.RETURNED: _("Đã trả"), NOT_SET: ""}


def cell_text(cell: Cell, labels: dict[str, str]) -> str:
    if cell.score is not None and cell.status == Status.RETURNED:
        return score_display(cell.score)
    return labels[cell.status]
