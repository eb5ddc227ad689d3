"""The teacher's class view: learners × lessons of one course, with who is stuck or has not
started. Reads one class's own rows (≤ a few hundred), never a wider scan.

Two classes (R6): the grid lists every live member with an active account, but a learner whose
newest live learner role is in another class counts there (as in every report); the grid marks
them "được tính ở lớp X" and leaves them out of its totals, so the totals agree with the class's
counters."""


import datetime

from django.db.models import Count
from django.utils import timezone

from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from lms.accounts.models import User
from lms.units.models import Role, RoleKind, Unit

STUCK_AFTER = datetime.timedelta(days=14)


def class_learners(klass: Unit) -> list[User]:
    """Live members with an active account (a deactivated account counts nowhere, R2)."""
    return list(User.objects.filter(roles__unit=klass, roles__kind=RoleKind.LEARNER,
                                    roles__ended_at__isnull=True, is_active=True)
                .order_by("name_key", "pk").only("pk", "full_name", "username"))


def counted_classes(learner_ids) -> dict[int, tuple[int, str]]:
    """learner id → (unit id, name) of their newest live learner role: where reports count
    them (R1). One query."""
    where: dict[int, tuple[int, str]] = {}
    for user_id, unit_id, name in (Role.objects.filter(user_id__in=learner_ids,
                                                       kind=RoleKind.LEARNER,
                                                       ended_at__isnull=True)
                                   .order_by("user_id", "created_at", "pk")
                                   .values_list("user_id", "unit_id", "unit__name")):
        where[user_id] = (unit_id, name)
    return where


def class_courses(learner_ids) -> list[CoursePage]:
    """Courses the class's learners are enrolled in, most enrolled first."""
    counts = (Enrolment.objects.filter(user_id__in=learner_ids).values("course_id")
              .annotate(n=Count("id")).order_by("-n", "course_id"))
    ids = [row["course_id"] for row in counts]
    courses = {c.pk: c for c in CoursePage.objects.filter(pk__in=ids).only("pk", "title",
                                                                           "path", "depth")}
    return [courses[i] for i in ids if i in courses]


def class_grid_head(klass: Unit, course_id: int | None = None) -> dict:
    """The cheap part: learners, their courses and the chosen course (the cache key holds the
    class's tokens, lms/units/generations.py, read before this)."""
    learners = class_learners(klass)
    courses = class_courses([u.pk for u in learners])
    course = next((c for c in courses if c.pk == course_id), courses[0] if courses else None)
    counted = counted_classes([u.pk for u in learners])
    elsewhere = {pk: name for pk, (unit_id, name) in counted.items() if unit_id != klass.pk}
    return {"class": klass, "courses": courses, "course": course, "learners": learners,
            "elsewhere": elsewhere}


def class_grid(klass: Unit, course_id: int | None = None, head: dict | None = None) -> dict:
    head = head or class_grid_head(klass, course_id)
    learners, course, courses = head["learners"], head["course"], head["courses"]
    elsewhere = head["elsewhere"]
    ids = [u.pk for u in learners]
    if course is None:
        return {"class": klass, "courses": [], "course": None, "lessons": [], "rows": [],
                "totals": _totals([], len(learners) - len(elsewhere), len(elsewhere))}
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path")
                   .only("pk", "title", "required", "path", "depth"))
    progress = {(p.user_id, p.lesson_id): p for p in LessonProgress.objects.filter(
        user_id__in=ids, course_id=course.pk).only(
        "user_id", "lesson_id", "percent", "completed_at", "last_activity_at")}
    enrolled = set(Enrolment.objects.filter(course=course, user_id__in=ids)
                   .values_list("user_id", flat=True))
    now = timezone.now()
    rows = []
    for learner in learners:
        cells, last, done = [], None, 0
        for lesson in lessons:
            p = progress.get((learner.pk, lesson.pk))
            if p is None:
                cells.append({"lesson_id": lesson.pk, "status": "not_started", "percent": 0})
                continue
            status = "completed" if p.completed_at else "in_progress"
            done += status == "completed" and lesson.required
            last = max(last, p.last_activity_at) if last else p.last_activity_at
            cells.append({"lesson_id": lesson.pk, "status": status, "percent": p.percent})
        required = sum(1 for lesson in lessons if lesson.required)
        if last is None:
            state = "not_started"
        elif required and done >= required:
            state = "completed"
        elif now - last > STUCK_AFTER:
            state = "stuck"
        else:
            state = "in_progress"
        rows.append({"learner": learner, "enrolled": learner.pk in enrolled, "cells": cells,
                     "last_activity": last, "state": state, "done": done,
                     "required": required, "counted_in": elsewhere.get(learner.pk)})
    counted = [r for r in rows if r["counted_in"] is None]
    return {"class": klass, "courses": courses, "course": course, "lessons": lessons,
            "rows": rows, "totals": _totals(counted, len(counted), len(rows) - len(counted))}


def _totals(counted_rows: list[dict], counted: int, elsewhere: int) -> dict:
    """The grid's totals: only learners who count in this class (R6)."""
    states = {"completed": 0, "in_progress": 0, "stuck": 0, "not_started": 0}
    for row in counted_rows:
        states[row["state"]] += 1
    return {"counted": counted, "elsewhere": elsewhere, **states}


def class_grid_json(grid: dict) -> dict:
    return {
        "class": {"id": grid["class"].pk, "name": grid["class"].name},
        "course": ({"id": grid["course"].pk, "title": grid["course"].title}
                   if grid["course"] else None),
        "lessons": [{"id": lesson.pk, "title": lesson.title, "required": lesson.required}
                    for lesson in grid["lessons"]],
        "totals": grid["totals"],
        "learners": [{"id": r["learner"].pk, "name": r["learner"].get_full_name(),
                      "enrolled": r["enrolled"], "state": r["state"],
                      "counted_in": r["counted_in"],
                      "last_activity": r["last_activity"].isoformat() if r["last_activity"]
                      else None, "cells": r["cells"]} for r in grid["rows"]],
    }
