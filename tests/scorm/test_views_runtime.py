"""The runtime endpoints: only the enrolled learner writes their own attempt, with CSRF, strict
JSON and the standards' sizes; commits are idempotent by seq; progress only moves forward;
statements reach the LRS; the saved state brings the SCO back where it was."""

import json

import pytest
from django.test import Client

from courses.models import LessonProgress
from courses.scorm.models import ScormAttempt
from lms.xapi.models import Statement
from tests.accounts.factories import UserFactory

from .factories import enrolled_learner, scorm_lesson
from .packages import scorm2004_zip

pytestmark = pytest.mark.django_db


def _urls(lesson, package):
    return (f"/scorm/commit/{lesson.pk}/{package.pk}/", f"/scorm/state/{lesson.pk}/{package.pk}/")


def _cmi12(status="incomplete", location="", suspend="", raw=None, exit_="", session=""):
    core = {"lesson_status": status, "lesson_location": location, "exit": exit_,
            "session_time": session}
    if raw is not None:
        core["score"] = {"raw": str(raw), "min": "0", "max": "100"}
    return {"core": core, "suspend_data": suspend}


def _post(client, url, **body):
    payload = {"attempt": 1, "sco": "ITEM1", "seq": 1, "cmi": _cmi12()}
    payload.update(body)
    return client.post(url, json.dumps(payload), content_type="application/json")


@pytest.fixture
def setup():
    course, lesson, package = scorm_lesson()
    return course, lesson, package, enrolled_learner(course)


def test_anonymous_and_not_enrolled_get_403(client, setup):
    course, lesson, package, _learner = setup
    commit_url, state_url = _urls(lesson, package)
    assert _post(client, commit_url).status_code == 403
    assert client.get(state_url).status_code == 403
    client.force_login(UserFactory())  # signed in, not enrolled
    assert _post(client, commit_url).status_code == 403
    assert client.get(state_url).status_code == 403
    assert not ScormAttempt.objects.exists()


def test_commit_needs_the_csrf_token(setup):
    _course, lesson, package, learner = setup
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert _post(strict, _urls(lesson, package)[0]).status_code == 403
    assert not ScormAttempt.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ("not json", "body"),
    ("[1, 2]", "body"),
    (json.dumps({"attempt": 1, "sco": "ITEM1", "seq": 1, "cmi": {}, "who": "x"}), "who"),
    (json.dumps({"attempt": "1", "sco": "ITEM1", "seq": 1, "cmi": {}}), "attempt"),
    (json.dumps({"attempt": 1, "sco": "NOPE", "seq": 1, "cmi": {}}), "sco"),
    (json.dumps({"attempt": 1, "sco": "ITEM1", "seq": 0, "cmi": {}}), "seq"),
    (json.dumps({"attempt": 1, "sco": "ITEM1", "seq": 1, "cmi": []}), "cmi"),
    (json.dumps({"attempt": 1, "sco": "ITEM1", "seq": 1, "cmi": {}, "terminated": "yes"}),
     "terminated"),
    (json.dumps({"attempt": 1, "sco": "ITEM1", "seq": 1,
                 "cmi": {"core": {"lesson_location": 5}}}), "cmi.core.lesson_location"),
])
def test_bad_input_is_400_naming_the_field(client, setup, body, field):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    response = client.post(_urls(lesson, package)[0], body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_scorm12_limits(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    url = _urls(lesson, package)[0]
    assert _post(client, url, cmi=_cmi12(suspend="x" * 4096)).status_code == 200
    too_long = _post(client, url, seq=2, cmi=_cmi12(suspend="x" * 4097))
    assert too_long.status_code == 400 and "cmi.suspend_data" in too_long.json()["fields"]
    location = _post(client, url, seq=3, cmi=_cmi12(location="x" * 256))
    assert "cmi.core.lesson_location" in location.json()["fields"]
    interactions = {"core": {}, "interactions": {str(i): {"id": f"q{i}"} for i in range(251)}}
    assert "cmi.interactions" in _post(client, url, seq=4, cmi=interactions).json()["fields"]


def test_scorm2004_limits():
    course, lesson, package = scorm_lesson(scorm2004_zip())
    client = Client()
    client.force_login(enrolled_learner(course))
    url = _urls(lesson, package)[0]
    ok = _post(client, url, sco="SCO1", cmi={"suspend_data": "x" * 64000, "location": "p3"})
    assert ok.status_code == 200
    over = _post(client, url, sco="SCO1", seq=2, cmi={"suspend_data": "x" * 64001})
    assert "cmi.suspend_data" in over.json()["fields"]
    assert "cmi.location" in _post(client, url, sco="SCO1", seq=3,
                                   cmi={"location": "x" * 1001}).json()["fields"]


def test_replayed_or_older_seq_changes_nothing(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    url = _urls(lesson, package)[0]
    first = _post(client, url, seq=5, cmi=_cmi12(location="slide-5"))
    assert first.json()["stored"] is True
    replay = _post(client, url, seq=5, cmi=_cmi12(location="slide-9"))
    older = _post(client, url, seq=4, cmi=_cmi12(location="slide-1"))
    assert replay.status_code == older.status_code == 200
    assert replay.json()["stored"] is older.json()["stored"] is False
    attempt = ScormAttempt.objects.get()
    assert attempt.location == "slide-5" and attempt.last_seq == 5


def test_progress_never_goes_backwards_but_scorm_data_is_stored(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    url = _urls(lesson, package)[0]
    done = _post(client, url, seq=1, cmi=_cmi12(status="passed", raw=90)).json()
    assert done["completed"] is True and done["percent"] == 100
    later = _post(client, url, seq=2, cmi=_cmi12(status="incomplete", location="again")).json()
    assert later["completion"] == "completed" and later["success"] == "passed"
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.percent == 100 and progress.completed_at is not None
    attempt = ScormAttempt.objects.get()
    assert attempt.runtime["ITEM1"]["cmi"]["core"]["lesson_status"] == "incomplete"


def test_mastery_score_decides_the_pass(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    response = _post(client, _urls(lesson, package)[0],
                     cmi=_cmi12(status="completed", raw=60)).json()
    assert response["success"] == "failed" and response["completed"] is False
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is None


def test_statements_use_the_scorm_profile_and_the_session_learner(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    url = _urls(lesson, package)[0]
    _post(client, url, seq=1, initialized=True)
    _post(client, url, seq=2, cmi=_cmi12(status="passed", raw=95, exit_="", session="0:05:00"),
          terminated=True)
    verbs = [s.verb_id.rsplit("/", 1)[1] for s in Statement.objects.order_by("stored", "verb_id")]
    assert sorted(verbs) == ["completed", "initialized", "passed", "terminated"]
    statement = Statement.objects.get(verb_id__endswith="/passed")
    assert statement.user == learner
    assert statement.payload["actor"]["account"]["name"] == learner.username
    assert statement.payload["result"]["score"]["scaled"] == 0.95
    assert {"id": "https://w3id.org/xapi/scorm", "objectType": "Activity"} in \
        statement.payload["context"]["contextActivities"]["category"]
    assert statement.activity_id.endswith(f"/lessons/{lesson.pk}/scorm/{package.pk}/ITEM1")
    # A replayed commit stores no statement twice.
    _post(client, url, seq=2, cmi=_cmi12(status="passed", raw=95), terminated=True)
    assert Statement.objects.count() == 4


def test_state_resumes_where_the_learner_suspended(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    commit_url, state_url = _urls(lesson, package)
    _post(client, commit_url, cmi=_cmi12(location="slide-7", suspend="page=7", exit_="suspend",
                                         session="00:10:00"), terminated=True)
    state = client.get(state_url)
    assert "private" in state["Cache-Control"] and "no-store" in state["Cache-Control"]
    data = state.json()
    assert data["attempt"] == 1 and data["seq"] == 1 and data["current"] == "ITEM1"
    sco = data["scos"]["ITEM1"]
    assert sco["resume"] is True
    assert sco["cmi"]["core"]["lesson_location"] == "slide-7"
    assert sco["cmi"]["suspend_data"] == "page=7"
    assert sco["total_time"] == "0000:10:00"
    assert data["learner"]["id"] == f"hocmo-{learner.pk}"


def test_another_learner_never_reads_or_writes_this_attempt(client, setup):
    course, lesson, package, learner = setup
    client.force_login(learner)
    commit_url, state_url = _urls(lesson, package)
    _post(client, commit_url, cmi=_cmi12(location="secret-slide", suspend="mine"))
    other = Client()
    other.force_login(enrolled_learner(course))
    data = other.get(state_url).json()
    assert data["scos"] == {} and "secret-slide" not in json.dumps(data)
    # The other learner's commit goes to their own attempt, never this one.
    _post(other, commit_url, seq=9, cmi=_cmi12(location="theirs"))
    assert ScormAttempt.objects.get(user=learner).location == "secret-slide"


def test_unknown_attempt_number_is_refused(client, setup):
    _course, lesson, package, learner = setup
    client.force_login(learner)
    response = _post(client, _urls(lesson, package)[0], attempt=3)
    assert response.status_code == 400 and "attempt" in response.json()["fields"]


def test_package_not_shown_by_the_lesson_is_404(client, setup):
    course, lesson, package, learner = setup
    _c2, other_lesson, other_package = scorm_lesson(title="Khác")
    client.force_login(learner)
    assert _post(client, f"/scorm/commit/{lesson.pk}/{other_package.pk}/").status_code == 404
