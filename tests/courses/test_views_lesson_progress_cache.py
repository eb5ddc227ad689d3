"""The learner's state on a lesson page kept in the worker's memory under their progress
generation (courses/progress_cache.py, issue 18): current on the very next request after any
change, never another learner's."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment, LessonProgress
from courses.progress_cache import progress_cache_clear, progress_generation_key
from courses.services import enrolment_create, progress_record
from lms.accounts.sessions import cached_db
from tests.courses.factories import course_with_lessons
from tests.units.factories import learner_in

pytestmark = pytest.mark.django_db

DONE = "Bạn đã hoàn thành bài học này."


@pytest.fixture(autouse=True)
def _no_kept_states():
    progress_cache_clear()
    yield
    progress_cache_clear()


@pytest.fixture
def course(db):
    return course_with_lessons(2)


@pytest.fixture
def an(school_tree):
    return learner_in(school_tree["class_b"], username="hs.an", full_name="Trần Thị An")


@pytest.fixture
def binh(school_tree):
    return learner_in(school_tree["class_b"], username="hs.binh", full_name="Lê Văn Bình")


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _warm(client, url) -> str:
    for _ in range(2):  # the second request loads the session with the generations (one MGET)
        body = client.get(url).content.decode()
    return body


def _state_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in ctx.captured_queries if "courses_enrolment" in q["sql"]]


def test_warm_state_is_kept_and_a_completion_shows_on_the_next_request(course, an):
    page, lessons = course
    enrolment_create(user=an, course=page)
    client = _signed_in(an)
    assert DONE not in _warm(client, lessons[0].url)
    assert _state_queries(client, lessons[0].url) == []  # kept: no query
    progress_record(user=an, lesson=lessons[0], completed=True)  # as xAPI / H5P would
    assert DONE in client.get(lessons[0].url).content.decode()


def test_partial_progress_then_completion_through_the_page(course, an):
    page, lessons = course
    enrolment_create(user=an, course=page)
    client = _signed_in(an)
    _warm(client, lessons[1].url)
    progress_record(user=an, lesson=lessons[1], percent=40)
    assert DONE not in client.get(lessons[1].url).content.decode()
    progress_record(user=an, lesson=lessons[1], percent=100)
    assert DONE in client.get(lessons[1].url).content.decode()


def test_enrolment_shows_on_the_next_request(course, an):
    page, lessons = course
    client = _signed_in(an)
    assert "Hoàn thành bài học" not in _warm(client, lessons[0].url)
    assert _state_queries(client, lessons[0].url) == []  # "not enrolled" is kept too
    enrolment_create(user=an, course=page)
    assert "Hoàn thành bài học" in client.get(lessons[0].url).content.decode()


def test_unenrolment_in_the_admin_shows_on_the_next_request(course, an):
    page, lessons = course
    enrolment_create(user=an, course=page)
    client = _signed_in(an)
    assert "Hoàn thành bài học" in _warm(client, lessons[0].url)
    enrolment_admin = admin.site._registry[Enrolment]
    enrolment_admin.delete_queryset(None, Enrolment.objects.filter(user=an))
    body = client.get(lessons[0].url).content.decode()
    assert "Hoàn thành bài học" not in body and "Đăng ký" in body


def test_progress_deleted_in_the_admin_shows_on_the_next_request(course, an):
    page, lessons = course
    enrolment_create(user=an, course=page)
    progress_record(user=an, lesson=lessons[0], completed=True)
    client = _signed_in(an)
    assert DONE in _warm(client, lessons[0].url)
    progress_admin = admin.site._registry[LessonProgress]
    progress_admin.delete_model(None, LessonProgress.objects.get(user=an, lesson=lessons[0]))
    assert DONE not in client.get(lessons[0].url).content.decode()


def test_unpublishing_counts_on_the_next_request(course, an):
    page, lessons = course
    enrolment_create(user=an, course=page)
    client = _signed_in(an)
    _warm(client, lessons[0].url)
    lessons[0].unpublish()
    assert client.get(lessons[0].url).status_code == 404


def test_no_learner_gets_another_learners_kept_state(course, an, binh):
    page, lessons = course
    enrolment_create(user=an, course=page)
    enrolment_create(user=binh, course=page)
    progress_record(user=an, lesson=lessons[0], completed=True)
    first, second = _signed_in(an), _signed_in(binh)
    for _ in range(3):  # interleaved, all from the same worker's memory once warm
        a_body = first.get(lessons[0].url).content.decode()
        b_body = second.get(lessons[0].url).content.decode()
        assert DONE in a_body and "Trần Thị An" in a_body and "Lê Văn Bình" not in a_body
        assert DONE not in b_body and "Lê Văn Bình" in b_body and "Trần Thị An" not in b_body
    # B's completion changes B's page only
    progress_record(user=binh, lesson=lessons[1], completed=True)
    assert DONE in second.get(lessons[1].url).content.decode()
    assert DONE not in first.get(lessons[1].url).content.decode()


def test_a_generation_read_for_another_user_is_not_used(course, an, binh):
    """The session store reads the generations of the user it last saw under the session key;
    if that belief is stale, those tokens are never used for the session's real user."""
    page, lessons = course
    enrolment_create(user=an, course=page)
    enrolment_create(user=binh, course=page)
    client = _signed_in(an)
    _warm(client, lessons[0].url)
    cached_db._user_of_session[client.session.session_key] = binh.pk  # stale belief
    progress_record(user=an, lesson=lessons[0], completed=True)
    assert DONE in client.get(lessons[0].url).content.decode()


def test_a_lost_generation_is_a_miss(course, an):
    from django.core.cache import cache

    page, lessons = course
    enrolment_create(user=an, course=page)
    client = _signed_in(an)
    _warm(client, lessons[0].url)
    cache.delete(progress_generation_key(an.pk))  # evicted, or the cache was cleared
    assert len(_state_queries(client, lessons[0].url)) == 1  # read again, not kept
    assert len(_state_queries(client, lessons[0].url)) == 1  # kept under the new token now
    assert _state_queries(client, lessons[0].url) == []
