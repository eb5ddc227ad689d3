"""Attempts: drawn from the bank, saved as they go, submitted once, refused after the deadline,
and a pass completes the lesson (and so the course)."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import CourseCompletion, LessonProgress
from courses.quizzes import services
from courses.quizzes.models import Attempt, AttemptAnswer, QuizResult
from courses.services import NotEnrolled, enrolment_create, progress_record
from tests.factories import learner_in

from .helpers import correct_post, course_with_quiz, one_of_each, querydict

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(school_tree):
    course, lessons, quiz_lesson = course_with_quiz(2, question_count=6)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    return course, lessons, quiz_lesson, learner


def test_not_enrolled_is_refused(setup, school_tree):
    _course, _lessons, quiz_lesson, _learner = setup
    stranger = learner_in(school_tree["class_a"])
    with pytest.raises(NotEnrolled):
        services.attempt_start(user=stranger, lesson=quiz_lesson)


def test_start_draws_and_shuffles_and_reuses_open_attempt(setup):
    _course, _lessons, quiz_lesson, learner = setup
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson, rng=random.Random(3))
    assert attempt.question_count == 6
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 6
    assert services.attempt_start(user=learner, lesson=quiz_lesson).pk == attempt.pk
    assert attempt.deadline - attempt.started_at == timedelta(minutes=10)


def test_draws_n_of_the_bank(school_tree):
    course, _lessons, quiz_lesson = course_with_quiz(1, question_count=2)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 2


def test_pass_completes_lesson_and_course_and_double_submit_is_one(setup):
    course, lessons, quiz_lesson, learner = setup
    progress_record(user=learner, lesson=lessons[0], completed=True)
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson)
    data = querydict(correct_post(attempt))
    services.attempt_save(attempt=attempt, data=data)
    assert AttemptAnswer.objects.filter(attempt=attempt, response__isnull=False).count() == 6
    graded, first = services.attempt_submit(attempt=attempt, data=data)
    again, second = services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk),
                                            data=querydict({}))
    assert first is True and second is False
    assert graded.score_percent == 100 and graded.passed
    assert again.score_percent == 100
    result = QuizResult.objects.get(user=learner, lesson=quiz_lesson)
    assert result.attempts_used == 1 and result.passed_at is not None
    row = LessonProgress.objects.get(user=learner, lesson=quiz_lesson)
    assert row.completed_at is not None and row.source == "quiz"
    assert CourseCompletion.objects.filter(user=learner, course=course).exists()


def test_fail_keeps_best_score_and_lesson_incomplete(setup):
    _course, _lessons, quiz_lesson, learner = setup
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson)
    graded, _ = services.attempt_submit(attempt=attempt, data=querydict({}))
    assert graded.score_percent == 0 and not graded.passed
    second = services.attempt_start(user=learner, lesson=quiz_lesson)
    assert second.number == 2
    services.attempt_submit(attempt=second, data=querydict(correct_post(second)))
    third = services.attempt_start(user=learner, lesson=quiz_lesson)
    services.attempt_submit(attempt=third, data=querydict({}))
    assert QuizResult.objects.get(user=learner, lesson=quiz_lesson).best_percent == 100
    with pytest.raises(services.QuizError):  # 3 attempts allowed
        services.attempt_start(user=learner, lesson=quiz_lesson)


def test_no_save_or_submit_after_deadline(setup):
    _course, _lessons, quiz_lesson, learner = setup
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson)
    good = querydict(correct_post(attempt))
    first_key = next(k for k in good if k.startswith("q1"))
    services.attempt_save(attempt=attempt, data=querydict({first_key: good.getlist(first_key)}
                                                          if len(good.getlist(first_key)) > 1
                                                          else {first_key: good[first_key]}))
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=5))
    attempt.refresh_from_db()
    with pytest.raises(services.AttemptClosed):
        services.attempt_save(attempt=attempt, data=good)
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.expired
    again, graded_now = services.attempt_submit(attempt=attempt, data=good)
    assert graded_now is False and again.correct_count == attempt.correct_count
    # Only what was saved in time counts: at most the first question is right.
    assert attempt.correct_count <= 1
    assert attempt.submitted_at <= attempt.deadline


def test_submit_after_deadline_is_refused(setup):
    _course, _lessons, quiz_lesson, learner = setup
    attempt = services.attempt_start(user=learner, lesson=quiz_lesson)
    good = querydict(correct_post(attempt))
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=5))
    attempt.refresh_from_db()
    with pytest.raises(services.AttemptClosed):
        services.attempt_submit(attempt=attempt, data=good)
    attempt.refresh_from_db()
    assert attempt.expired and attempt.score_percent == 0 and not attempt.passed
