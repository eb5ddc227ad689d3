"""Concurrent double submits and double starts on PostgreSQL: one graded attempt, one result,
one certificate."""

import time

import pytest

from courses.certificates.models import Certificate
from courses.quizzes import services
from courses.quizzes.models import Attempt, QuizResult
from courses.services import enrolment_create, progress_record
from tests.concurrency import needs_postgres, run_concurrently  # noqa: F401
from tests.factories import learner_in

from .helpers import correct_post, course_with_quiz, one_of_each, querydict

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres,
              pytest.mark.usefixtures("needs_postgres")]


def test_double_start_and_double_submit(school_tree):
    course, lessons, quiz_lesson = course_with_quiz(2, question_count=6)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)

    errors, starts = run_concurrently(
        [lambda: services.attempt_start(user=learner, lesson=quiz_lesson) for _ in range(4)])
    assert errors == []
    assert len({a.pk for a in starts}) == 1 and Attempt.objects.count() == 1

    attempt = starts[0]
    data = querydict(correct_post(attempt))
    errors, results = run_concurrently(
        [lambda: services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk), data=data)
         for _ in range(4)])
    assert errors == []
    assert sum(1 for _a, graded in results if graded) == 1
    assert QuizResult.objects.get(user=learner).attempts_used == 1

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Certificate.objects.filter(user=learner).exists():
        time.sleep(0.2)
    assert Certificate.objects.filter(user=learner, course=course).count() == 1
