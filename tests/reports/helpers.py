"""Test helpers: complete a course the real way and read counters."""

from django.db.models import Sum
from django.test import TestCase

from courses.services import enrolment_create, progress_record
from lms.reports.models import TargetUnitCounter


def complete(user, course_and_lessons):
    course, lessons = course_and_lessons
    with TestCase.captureOnCommitCallbacks(execute=True):
        enrolment_create(user=user, course=course)
        for lesson in lessons:
            progress_record(user=user, lesson=lesson, completed=True)


def figure(target, unit) -> tuple[int, int]:
    sums = TargetUnitCounter.objects.filter(target=target, unit=unit).aggregate(
        p=Sum("population"), t=Sum("trained"))
    return sums["p"] or 0, sums["t"] or 0


def counters_snapshot(target) -> dict:
    return {(c.unit_id, c.sex, c.minority, c.ethnicity, c.household, c.school_level):
            (c.population, c.trained)
            for c in TargetUnitCounter.objects.filter(target=target)
            if c.population or c.trained}
