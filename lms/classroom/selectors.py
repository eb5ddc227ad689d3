"""Reads of assignments and hand-ins: a class's list, a learner's work, a parent's view of
their children's work. The gradebook's one grid is in gradebook.py."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from lms.accounts.models import User
from lms.units.models import Role, RoleKind, Unit

from .models import Assignment, Submission, SubmissionStatus


class Status:
    """A learner's state for one assignment (also the gradebook cell's CSS class)."""

    ASSIGNED = "assigned"  # not handed in, not yet due
    SUBMITTED = "submitted"
    LATE = "late"  # handed in after the due time
    MISSING = "missing"  # not handed in, past due
    RETURNED = "returned"  # marked and returned


def status_of(due_at: dt.datetime, submission_status: str | None, late: bool,
              now: dt.datetime) -> str:
    if submission_status == SubmissionStatus.RETURNED:
        return Status.RETURNED
    if submission_status is not None:
        return Status.LATE if late else Status.SUBMITTED
    return Status.MISSING if now > due_at else Status.ASSIGNED


@dataclass
class WorkItem:
    assignment: Assignment
    submission: Submission | None
    status: str
    due_at: dt.datetime | None = None  # the learner's own due time (an extension or not)


def class_learners(unit: Unit) -> list[User]:
    """The class's current learners in Vietnamese name order."""
    ids = Role.objects.filter(unit=unit, kind=RoleKind.LEARNER, ended_at__isnull=True)
    return list(User.objects.filter(pk__in=ids.values("user_id")).order_by("name_key", "pk")
                .only("pk", "full_name", "username", "name_key"))


def class_assignments(unit: Unit) -> list[Assignment]:
    return list(Assignment.objects.filter(unit=unit).order_by("due_at", "pk"))


def _for_learner(learner) -> Q:
    return Q(for_everyone=True) | Q(assignees=learner)


def learner_work(learner: User, unit_paths: list[str], *, now=None) -> list[WorkItem]:
    """The learner's assignments in the classes at `unit_paths` (their current classes), each
    with their own hand-in and its state, soonest due first."""
    now = now or timezone.now()
    if not unit_paths:
        return []
    assignments = list(Assignment.objects.filter(unit__path__in=unit_paths)
                       .filter(_for_learner(learner)).distinct()
                       .select_related("unit").order_by("due_at", "pk"))
    submissions = {s.assignment_id: s for s in Submission.objects.filter(
        learner=learner, assignment__in=[a.pk for a in assignments])}
    items = []
    for assignment in assignments:
        submission = submissions.get(assignment.pk)
        due = assignment.due_for(learner.pk)
        items.append(WorkItem(assignment, submission, status_of(
            due, submission.status if submission else None,
            bool(submission and submission.late), now), due))
    return items


def learner_class_paths(learner: User) -> list[str]:
    return list(Role.objects.filter(user=learner, kind=RoleKind.LEARNER, ended_at__isnull=True)
                .values_list("unit_path", flat=True))


def assignment_rows(assignment: Assignment, *, now=None) -> list[tuple[User, Submission | None,
                                                                      str]]:
    """The teacher's view of one assignment: each learner it is set for, their hand-in (if
    any) and its state."""
    now = now or timezone.now()
    learners = set_for(assignment)
    submissions = {s.learner_id: s for s in assignment.submissions.all()}
    for learner in learners:
        if str(learner.pk) in (assignment.extensions or {}):
            learner.extended_to = assignment.due_for(learner.pk)  # type: ignore[attr-defined]
    return [(learner, submissions.get(learner.pk),
             status_of(assignment.due_for(learner.pk),
                       getattr(submissions.get(learner.pk), "status", None),
                       bool(getattr(submissions.get(learner.pk), "late", False)), now))
            for learner in learners]


def submission_of(assignment: Assignment, learner: User) -> Submission | None:
    return (Submission.objects.filter(assignment=assignment, learner=learner)
            .prefetch_related("files").first())


def children_work(parent: User, *, now=None) -> list[tuple[User, list[WorkItem]]]:
    """A parent's children (live links) with their work: what is due, missing and marked."""
    links = parent.children_links.filter(revoked_at__isnull=True).select_related("learner")
    return [(link.learner, learner_work(link.learner, learner_class_paths(link.learner),
                                        now=now)) for link in links]


def due_between(start: dt.datetime, end: dt.datetime):
    """Assignments due in (start, end], with their class (the reminder task), and those with
    an extension due since `start` - 60 days (an extension may fall in the window)."""
    return Assignment.objects.filter(
        Q(due_at__gt=start, due_at__lte=end)
        | (Q(due_at__gt=start - dt.timedelta(days=60), due_at__lte=end)
           & ~Q(extensions={}))).select_related("unit")


def pending_learners(assignment: Assignment) -> list[User]:
    """Learners the assignment is set for who have not handed it in yet."""
    learners = set_for(assignment)
    handed_in = set(assignment.submissions.values_list("learner_id", flat=True))
    return [learner for learner in learners if learner.pk not in handed_in]


def set_for(assignment: Assignment) -> list[User]:
    learners = class_learners(assignment.unit)
    if assignment.for_everyone:
        return learners
    chosen = set(assignment.assignees.values_list("pk", flat=True))
    return [learner for learner in learners if learner.pk in chosen]


def hand_in_counts(assignments: list[Assignment]) -> dict[int, int]:
    from django.db.models import Count

    return dict(Submission.objects.filter(assignment__in=assignments).values("assignment_id")
                .annotate(n=Count("id")).values_list("assignment_id", "n"))


def work_item(assignment: Assignment, submission: Submission | None, learner: User, *,
              now=None) -> WorkItem:
    now = now or timezone.now()
    due = assignment.due_for(learner.pk)
    return WorkItem(assignment, submission, status_of(
        due, submission.status if submission else None,
        bool(submission and submission.late), now), due)


def stream_posts(unit: Unit, *, limit: int = 30) -> list:
    """The class stream: pinned posts first, then the newest, each with its comments and
    authors, files and linked pages (six queries whatever the number of posts)."""
    from .models import StreamPost

    return list(StreamPost.objects.filter(unit=unit).select_related("author")
                .prefetch_related("comments__author", "files", "links__page")
                .order_by("-pinned", "-created_at")[:limit])


def class_lessons(unit: Unit):
    """The live lessons of the courses the class's learners are enrolled in."""
    from courses.models import Enrolment, LessonPage

    learners = Role.objects.filter(unit=unit, kind=RoleKind.LEARNER, ended_at__isnull=True)
    course_paths = list(Enrolment.objects.filter(user__in=learners.values("user_id"))
                        .values_list("course__path", flat=True).distinct())
    lessons = LessonPage.objects.live().order_by("path")
    if not course_paths:
        return lessons.none()
    match = Q()
    for path in course_paths:
        match |= Q(path__startswith=path)
    return lessons.filter(match)


def library_items():
    """Library items everyone may open (live, not behind a view restriction)."""
    from library.models import LibraryItemPage

    return LibraryItemPage.objects.live().public().order_by("title")


def linkable_pages(unit: Unit, ids=None):
    """The pages a post to the class may link to: its lessons and the open library."""
    from wagtail.models import Page

    pages = Page.objects.filter(Q(pk__in=class_lessons(unit).values("pk"))
                                | Q(pk__in=library_items().values("pk")))
    return pages.filter(pk__in=ids) if ids is not None else pages
