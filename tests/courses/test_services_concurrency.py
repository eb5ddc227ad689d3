"""Concurrent writers on PostgreSQL: progress never goes backwards, completion happens once,
and time passes once (issue 16, defect 7)."""

import time

import pytest

from courses.models import CourseCompletion, LessonProgress
from courses.services import enrolment_create, progress_record
from tests.concurrency import needs_postgres, run_concurrently  # noqa: F401
from tests.factories import course_with_lessons, learner_in, rewind_clock

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres,
              pytest.mark.usefixtures("needs_postgres")]


def test_concurrent_updates_keep_the_maximum_and_complete_once(school_tree):
    course, lessons = course_with_lessons(2)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    rewind_clock(learner, course, 1)

    percents = [10, 90, 40, 100, 30, 60, 100, 20]
    jobs = [
        (lambda p=p: progress_record(user=learner, lesson=lessons[1], percent=p,
                                     completed=p == 100, seconds=1))
        for p in percents
    ]
    started = time.monotonic()
    errors, _ = run_concurrently(jobs, timeout=60)
    wall = time.monotonic() - started

    assert errors == []
    row = LessonProgress.objects.get(user=learner, lesson=lessons[1])
    assert row.percent == 100
    assert row.completed_at is not None
    # Eight reports of 1 s each at once: one second had passed, plus the run's own time.
    assert 1 <= row.time_spent_seconds <= 1 + round(wall)
    assert CourseCompletion.objects.filter(user=learner, course=course).count() == 1


def test_concurrent_first_writes_create_one_row(school_tree):
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    jobs = [(lambda p=p: progress_record(user=learner, lesson=lessons[0], percent=p))
            for p in (5, 50, 25, 75, 15, 35)]
    assert run_concurrently(jobs, timeout=60)[0] == []
    rows = LessonProgress.objects.filter(user=learner, lesson=lessons[0])
    assert rows.count() == 1
    assert rows.get().percent == 75
