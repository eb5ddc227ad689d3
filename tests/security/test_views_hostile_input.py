"""Issue 16, defects 4 and 8: every hostile probe gets a 400 (a JSON body naming the field where
the endpoint speaks JSON), never a 500, and nothing is stored. Run on PostgreSQL too: it
refuses NUL in text, so a NUL that reached a query was a 500 there."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_create
from lms.units.models import RoleKind
from lms.xapi.models import Statement
from tests.factories import course_with_lessons, learner_in, staff_at
from tests.xapi.helpers import basic_client, statement

pytestmark = pytest.mark.django_db


def deep(n: int, inner: str = "1") -> str:
    return "[" * n + inner + "]" * n


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def enrolled(client, school_tree):
    course, lessons = course_with_lessons(2)
    learner = learner_in(school_tree["class_b"], username="hs.probe")
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    return reverse("courses:progress_report", args=[lessons[0].pk])


@pytest.mark.parametrize("body, field", [
    ('{"percent": Infinity}', "body"),
    ('{"percent": -Infinity}', "body"),
    ('{"percent": NaN}', "body"),
    ('{"seconds": 1e400}', "body"),
    ('{"seconds": -1e400}', "body"),
    (deep(100_000), "body"),
    ('{"percent": ' + deep(5_000) + "}", "body"),
    ('{"completed": "false"}', "completed"),   # defect 8: a string never completes a lesson
    ('{"completed": 1}', "completed"),
    ('{"percent": "40"}', "percent"),
    ('{"percent": true}', "percent"),
    ('{"seconds": [600]}', "seconds"),
    ('{"seconds": {"a": 1}}', "seconds"),
    ('{"percent": 10, "complete": true}', "complete"),
    ('{"percent": "a\\u0000"}', "body"),
])
def test_progress_probes_are_400_with_field_messages(client, enrolled, body, field):
    response = client.post(enrolled, body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not LessonProgress.objects.exists()


def test_progress_accepts_finite_numbers_and_booleans(client, enrolled):
    response = client.post(enrolled, '{"percent": 40.0, "seconds": 0, "completed": false}',
                           content_type="application/json")
    assert response.status_code == 200 and response.json()["percent"] == 40


@pytest.fixture
def xapi_headers(db):
    _client, headers = basic_client(scopes=("all",))
    return headers


def _statements(client, body: str, headers):
    return client.post("/xapi/statements", body, content_type="application/json", **headers)


@pytest.mark.parametrize("body", [
    deep(100_000),
    json.dumps(statement(context={"extensions": {"https://hocmo.vn/x": "DEEP"}})).replace(
        '"DEEP"', deep(5_000)),
    json.dumps(statement())[:-1] + ', "result": {"score": {"raw": Infinity}}}',
    json.dumps(statement())[:-1] + ', "result": {"score": {"raw": 1e400}}}',
    json.dumps(statement(result={"response": "a\u0000b"})),
])
def test_xapi_statement_probes_are_400(client, xapi_headers, body):
    response = _statements(client, body, xapi_headers)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not Statement.objects.exists()


@pytest.mark.parametrize("kind", [["choice"], {"type": "choice"}, 1, True])
def test_xapi_interaction_type_of_the_wrong_type_is_400(client, xapi_headers, kind):
    body = statement(object={"objectType": "Activity", "id": "https://hocmo.vn/hoat-dong/1",
                             "definition": {"interactionType": kind}})
    response = _statements(client, json.dumps(body), xapi_headers)
    assert response.status_code == 400
    assert "statement.object.definition.interactionType" in response.json()["fields"]


def test_xapi_document_merge_and_agent_parameter_probes_are_400(client, xapi_headers):
    agent = json.dumps({"mbox": "mailto:ai@example.vn"})
    url = ("/xapi/activities/state?activityId=https://hocmo.vn/a&stateId=s&agent=" + agent)
    assert client.put(url, '{"a": 1}', content_type="application/json",
                      **xapi_headers).status_code == 204
    merged = client.post(url, deep(100_000), content_type="application/json", **xapi_headers)
    assert merged.status_code == 400
    assert client.get(url, **xapi_headers).content == b'{"a": 1}'
    deep_agent = client.get("/xapi/agents", {"agent": deep(100_000)}, **xapi_headers)
    assert deep_agent.status_code == 400
    query = client.get("/xapi/statements", {"agent": '{"mbox": Infinity}'}, **xapi_headers)
    assert query.status_code == 400


@pytest.fixture
def api_officer(school_tree):
    api = APIClient(raise_request_exception=False)
    api.force_authenticate(staff_at(school_tree["so"], RoleKind.OFFICER, username="canbo.p"))
    return api


@pytest.mark.parametrize("body", [deep(100_000), '{"learner": Infinity, "course": 1}',
                                  '{"learner": 1e400, "course": 1}',
                                  '{"learner": "1\\u0000", "course": 1}'])
def test_api_json_probes_are_400(api_officer, body):
    response = api_officer.post("/api/v1/enrolments/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("url", ["/khoa-hoc/?programme=%00", "/verify/HM%00/",
                                 "/tim-kiem/?q=a%00b", "/thu-vien/%00/"])
def test_nul_in_path_or_query_is_the_400_page(client, url):
    course_with_lessons(1)
    response = client.get(url)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_nul_on_a_machine_endpoint_is_a_json_400(client, xapi_headers):
    response = client.get("/xapi/statements?verb=%00", **xapi_headers)
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_quiz_answer_with_nul_is_400_and_not_saved(client, school_tree):
    from courses.quizzes.models import Attempt, AttemptAnswer
    from tests.quizzes.helpers import correct_post, course_with_quiz, one_of_each

    course, _lessons, quiz_lesson = course_with_quiz(2, question_count=6)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"], username="hs.nul")
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz_lesson.pk]))
    attempt = Attempt.objects.get(user=learner)
    data = correct_post(attempt)
    short = next(key for key, value in data.items() if isinstance(value, str)
                 and not value.isdigit())
    data[short] = data[short] + "\x00"
    for name in ("save", "submit"):
        response = client.post(reverse(f"quizzes:{name}", args=[attempt.pk]), data)
        assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not AttemptAnswer.objects.filter(attempt=attempt, saved_at__isnull=False).exists()


@pytest.mark.parametrize("learner", [lambda pk: pk + 0.5, lambda pk: f"{pk}.5",
                                     lambda pk: True, lambda pk: 10**25, lambda pk: [pk],
                                     lambda pk: {"id": pk}])
def test_api_ids_are_whole_numbers(api_officer, school_tree, learner):
    """{"learner": 7.5} was read as learner 7 by the database lookup."""
    course, _lessons = course_with_lessons(1)
    pupil = learner_in(school_tree["class_b"], username="hs.id")
    response = api_officer.post("/api/v1/enrolments/",
                                {"learner": learner(pupil.pk), "course": course.pk},
                                format="json")
    assert response.status_code == 400
    assert "learner" in response.json()
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("body", [deep(100_000), '{"a": NaN}', '{"a": "\\u0000"}'])
def test_admin_json_bodies_pass_the_reader_first(school_tree, body):
    """Wagtail's dismissibles view json.loads its PATCH body: 100,000 deep was a 500."""
    from tests.factories import UserFactory

    editor = UserFactory(username="bientap", is_staff=True, is_superuser=True)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.patch("/admin/dismissibles/", body, content_type="application/json")
    assert response.status_code == 400
    assert client.patch("/admin/dismissibles/", '{"tip": true}',
                        content_type="application/json").status_code == 200
