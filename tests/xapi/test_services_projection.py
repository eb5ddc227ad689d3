"""From statements to progress: completion, pass marks, best score, sub-content ignored,
progress never backwards, learners not enrolled refused."""

import pytest

from courses.models import LessonProgress
from courses.services import enrolment_create
from lms.xapi.models import LessonScore, Statement
from tests.factories import UserFactory, course_with_lessons

from .helpers import ANSWERED, COMPLETED, activity_iri, basic_client, lesson_with_h5p, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    course, lessons = course_with_lessons(2)
    lesson = lessons[0]
    user = UserFactory(username="hocvien")
    enrolment_create(user=user, course=course)
    client.force_login(user)
    return client, user, course, lesson


def _scored(verb, iri, scaled, success=None):
    result = {"score": {"scaled": scaled, "raw": scaled, "min": 0, "max": 1}}
    if success is not None:
        result["success"] = success
    return {"actor": {"mbox": "mailto:x@y.vn"}, "verb": {"id": verb},
            "object": {"objectType": "Activity", "id": iri}, "result": result}


def _progress(user, lesson):
    return LessonProgress.objects.filter(user=user, lesson=lesson).first()


def test_completed_completes_the_lesson(setup):
    client, user, _course, lesson = setup
    content = lesson_with_h5p(lesson)
    response = post(client, {"actor": {"mbox": "mailto:x@y.vn"}, "verb": {"id": COMPLETED},
                             "object": {"id": activity_iri(lesson, content)}})
    assert response.status_code == 200
    row = _progress(user, lesson)
    assert row.completed_at is not None and row.percent == 100 and row.source == "xapi"


def test_pass_mark_and_best_score(setup):
    client, user, _course, lesson = setup
    content = lesson_with_h5p(lesson, pass_mark=80)
    iri = activity_iri(lesson, content)
    post(client, _scored(ANSWERED, iri, 0.5, success=True))  # success but under the mark
    row = _progress(user, lesson)
    assert row.completed_at is None and row.percent == 50
    post(client, _scored(COMPLETED, iri, 0.6))
    assert _progress(user, lesson).completed_at is None
    post(client, _scored(ANSWERED, iri, 0.9, success=True))
    assert _progress(user, lesson).completed_at is not None
    post(client, _scored(ANSWERED, iri, 0.1, success=False))  # a later, worse attempt
    row = _progress(user, lesson)
    assert row.completed_at is not None and row.percent == 100  # never backwards
    score = LessonScore.objects.get(user=user, lesson=lesson)
    assert score.best_scaled == pytest.approx(0.9) and score.attempts == 4


def test_answered_with_success_completes_without_pass_mark(setup):
    client, user, _course, lesson = setup
    content = lesson_with_h5p(lesson, pass_mark=0)
    post(client, _scored(ANSWERED, activity_iri(lesson, content), 0.0, success=False))
    assert _progress(user, lesson).completed_at is None
    post(client, _scored(ANSWERED, activity_iri(lesson, content), 1.0, success=True))
    assert _progress(user, lesson).completed_at is not None


def test_sub_content_does_not_count(setup):
    client, user, _course, lesson = setup
    content = lesson_with_h5p(lesson)
    iri = activity_iri(lesson, content) + "?subContentId=4b8f-1"
    assert post(client, _scored(COMPLETED, iri, 1.0, success=True)).status_code == 200
    assert _progress(user, lesson) is None
    assert Statement.objects.count() == 1  # stored all the same


def test_activity_not_in_the_lesson_does_not_count(setup):
    client, user, _course, lesson = setup
    lesson_with_h5p(lesson)
    iri = f"http://testserver/xapi/activities/lessons/{lesson.pk}/h5p/999999"
    post(client, _scored(COMPLETED, iri, 1.0))
    assert _progress(user, lesson) is None


def test_not_enrolled_is_refused_and_nothing_stored(client):
    _course, lessons = course_with_lessons(1)
    content = lesson_with_h5p(lessons[0])
    client.force_login(UserFactory(username="khong-ghi-danh"))
    response = post(client, _scored(COMPLETED, activity_iri(lessons[0], content), 1.0))
    assert response.status_code == 403
    assert Statement.objects.count() == 0 and LessonProgress.objects.count() == 0


def test_course_completes_through_xapi(setup):
    from courses.models import CourseCompletion
    from courses.services import progress_record

    client, user, course, lesson = setup
    content = lesson_with_h5p(lesson)
    other = [lesson_ for lesson_ in course.get_children().specific() if lesson_.pk != lesson.pk]
    progress_record(user=user, lesson=other[0], completed=True)
    post(client, _scored(COMPLETED, activity_iri(lesson, content), 1.0, success=True))
    assert CourseCompletion.objects.filter(user=user, course=course).exists()


def test_tool_records_progress_only_when_allowed(client, setup):
    _browser, user, _course, lesson = setup
    content = lesson_with_h5p(lesson)
    statement = _scored(COMPLETED, activity_iri(lesson, content), 1.0)
    statement["actor"] = {"account": {"homePage": "http://127.0.0.1:8000", "name": "hocvien"}}
    client.logout()
    _tool, auth = basic_client(records_progress=False)
    post(client, statement, **auth)
    assert _progress(user, lesson) is None
    _tool, auth = basic_client(records_progress=True)
    post(client, statement, **auth)
    assert _progress(user, lesson).completed_at is not None
