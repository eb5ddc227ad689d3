"""Replaying the device's queue: a lesson completed offline arrives as a statement about the
lesson; the same statement twice counts once; another learner's statement is refused; a
lesson unpublished or a learner unenrolled meanwhile is refused with a reason (the device
shows it)."""

import uuid

import pytest

from courses.models import CourseCompletion, Enrolment, LessonProgress
from courses.services import enrolment_create
from lms.xapi.models import Statement
from tests.factories import UserFactory, course_with_lessons
from tests.xapi.helpers import COMPLETED, post

pytestmark = pytest.mark.django_db


def _queued(lesson, username, statement_id=None):
    return {"id": statement_id or str(uuid.uuid4()),
            "actor": {"objectType": "Agent",
                      "account": {"homePage": "http://testserver", "name": username}},
            "verb": {"id": COMPLETED, "display": {"vi-VN": "đã hoàn thành"}},
            "object": {"objectType": "Activity",
                       "id": f"http://testserver/xapi/activities/lessons/{lesson.pk}"},
            "timestamp": "2026-12-07T08:00:00+07:00"}


@pytest.fixture
def learner(client, settings):
    settings.XAPI_HOMEPAGE = "http://testserver"
    course, lessons = course_with_lessons(2)
    user = UserFactory(username="an")
    enrolment_create(user=user, course=course)
    client.force_login(user)
    return client, user, course, lessons


def test_offline_completion_completes_the_lesson(learner):
    client, user, _course, lessons = learner
    response = post(client, _queued(lessons[0], "an"))
    assert response.status_code == 200
    row = LessonProgress.objects.get(user=user, lesson=lessons[0])
    assert row.completed_at is not None and row.source == "page"


def test_replaying_twice_counts_once(learner):
    client, user, course, lessons = learner
    statements = [_queued(lessons[0], "an"), _queued(lessons[1], "an")]
    for _ in range(2):  # the page and the service worker, or a replay cut and run again
        for statement in statements:
            assert post(client, statement).status_code == 200
    assert Statement.objects.filter(user=user).count() == 2
    assert LessonProgress.objects.filter(user=user, completed_at__isnull=False).count() == 2
    assert CourseCompletion.objects.filter(user=user, course=course).count() == 1


def test_another_learners_statement_is_refused_not_reattributed(learner):
    client, user, _course, lessons = learner
    response = post(client, _queued(lessons[0], "binh"))
    assert response.status_code == 403
    assert "tài khoản khác" in response.json()["detail"]
    assert not Statement.objects.exists()
    assert not LessonProgress.objects.filter(user=user, completed_at__isnull=False).exists()


def test_unenrolled_meanwhile_is_refused_with_a_reason(learner):
    client, user, course, lessons = learner
    Enrolment.objects.filter(user=user, course=course).delete()
    response = post(client, _queued(lessons[0], "an"))
    assert response.status_code == 403
    assert "không còn ghi danh" in response.json()["detail"]
    assert not Statement.objects.exists()


def test_unpublished_meanwhile_is_refused_with_a_reason(learner):
    client, _user, _course, lessons = learner
    lessons[0].unpublish()
    response = post(client, _queued(lessons[0], "an"))
    assert response.status_code == 403
    assert "không còn được xuất bản" in response.json()["detail"]


def test_h5p_statements_without_an_actor_still_go_to_the_learner(learner):
    client, user, _course, lessons = learner
    statement = _queued(lessons[0], "an")
    del statement["actor"]
    assert post(client, statement).status_code == 200
    assert Statement.objects.get().user == user
