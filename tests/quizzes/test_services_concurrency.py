"""Concurrent double submits and double starts on PostgreSQL: one graded attempt, one result,
one certificate."""

import threading
import time

import pytest
from django.db import connection, connections

from courses.certificates.models import Certificate
from courses.quizzes import services
from courses.quizzes.models import Attempt, QuizResult
from courses.services import enrolment_create, progress_record
from tests.factories import learner_in

from .helpers import correct_post, course_with_quiz, one_of_each, querydict

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent-writer test needs PostgreSQL (run by .ci/run)")


def _run_concurrently(jobs):
    barrier = threading.Barrier(len(jobs))
    errors, results = [], []

    def worker(job):
        try:
            barrier.wait()
            results.append(job())
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors, results


def test_double_start_and_double_submit(school_tree):
    course, lessons, quiz_lesson = course_with_quiz(2, question_count=6)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)

    errors, starts = _run_concurrently(
        [lambda: services.attempt_start(user=learner, lesson=quiz_lesson) for _ in range(4)])
    assert errors == []
    assert len({a.pk for a in starts}) == 1 and Attempt.objects.count() == 1

    attempt = starts[0]
    data = querydict(correct_post(attempt))
    errors, results = _run_concurrently(
        [lambda: services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk), data=data)
         for _ in range(4)])
    assert errors == []
    assert sum(1 for _a, graded in results if graded) == 1
    assert QuizResult.objects.get(user=learner).attempts_used == 1

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Certificate.objects.filter(user=learner).exists():
        time.sleep(0.2)
    assert Certificate.objects.filter(user=learner, course=course).count() == 1
