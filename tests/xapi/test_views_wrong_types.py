"""Wrong types anywhere in a statement are a 400, never a 500 (issue 20, kind 7: an
`interactionType` given as a list or object raised "unhashable type"). 1.0.3 Data 2.2
(Formatting Requirements) / 2.0 4.2.1: "The LRS SHALL reject Statements ... with any property
values which do not follow the requirements of this specification" with 400 (1.0.3
Communication 3.2 / 2.0 4.1.5 error codes: a 500 is never the answer to a bad request).

A rich statement (every kind of part: result with score, context with instructor, team,
contextActivities and extensions, an interaction definition, a SubStatement, an attachment by
fileUrl) gets each of its values, one at a time, replaced by a value of every JSON type; then
hypothesis replaces random values by random JSON, under 1.0.3 and 2.0."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import basic_client

pytestmark = pytest.mark.django_db
WRONG = [None, 0, -1.5, True, "", "x", [], [1], {}, {"a": 1}, [{"id": 1}]]
ACTIVITY = {"objectType": "Activity", "id": "https://hocmo.vn/bai/1", "definition": {
    "name": {"vi": "Bài 1"}, "description": {"en-US": "Lesson 1"},
    "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "moreInfo": "https://hocmo.vn/bai/1/them", "interactionType": "choice",
    "correctResponsesPattern": ["a"], "choices": [{"id": "a", "description": {"vi": "A"}}],
    "extensions": {"https://hocmo.vn/x/muc": 1}}}
AGENT = {"objectType": "Agent", "name": "Ai", "mbox": "mailto:ai@example.vn"}
RICH = {
    "actor": AGENT,
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"vi": "đã trả lời"}},
    "object": ACTIVITY,
    "result": {"score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10}, "success": True,
               "completion": True, "response": "a", "duration": "PT1M2.5S",
               "extensions": {"https://hocmo.vn/x/ket-qua": "ok"}},
    "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                "instructor": {"objectType": "Agent", "account": {
                    "homePage": "https://hocmo.vn", "name": "co-giao"}},
                "team": {"objectType": "Group", "member": [AGENT]},
                "contextActivities": {"parent": [{"id": "https://hocmo.vn/khoa/1"}],
                                      "grouping": {"id": "https://hocmo.vn/lop/1"}},
                "revision": "1", "platform": "HọcMở", "language": "vi-VN",
                "statement": {"objectType": "StatementRef",
                              "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"},
                "extensions": {"https://hocmo.vn/x/ngu-canh": [1, 2]}},
    "timestamp": "2025-09-05T15:30:00+07:00",
    "authority": {"objectType": "Agent", "mbox": "mailto:cong-cu@example.vn"},
    "attachments": [{"usageType": "https://hocmo.vn/x/anh", "display": {"vi": "Ảnh"},
                     "contentType": "image/png", "length": 3,
                     "sha2": "a" * 64, "fileUrl": "https://hocmo.vn/anh.png"}],
}
SUB = {"objectType": "SubStatement", "actor": AGENT,
       "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}, "object": ACTIVITY,
       "result": {"duration": "PT1S"}, "context": {"contextActivities": {"other": []}}}
STATEMENTS = [RICH, {"actor": AGENT, "verb": RICH["verb"], "object": SUB}]


def _paths(value, prefix=()):
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, (*prefix, i))


def _replaced(document, path, new):
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


@pytest.fixture
def send():
    client = Client(raise_request_exception=False)
    _tool, auth = basic_client()

    def post(body, version="1.0.3"):
        response = client.post("/xapi/statements", data=json.dumps(body),
                               content_type="application/json",
                               **{**auth, "HTTP_X_EXPERIENCE_API_VERSION": version})
        assert response.status_code in (200, 400), (response.status_code,
                                                    response.content[:300])
        return response.status_code
    return post


def test_the_rich_statements_are_valid(send):
    for body in STATEMENTS:
        assert send(body) == 200
        assert send(body, "2.0.0") == 200


@pytest.mark.parametrize("base", [0, 1], ids=["statement", "substatement"])
def test_every_value_replaced_by_every_wrong_type(send, base):
    answered = set()
    for path in _paths(STATEMENTS[base]):
        for wrong in WRONG:
            answered.add(send(_replaced(STATEMENTS[base], path, wrong)))
    assert answered == {200, 400}  # some replacements stay valid (e.g. a name of "x")


def test_interaction_type_as_list_or_object_is_400(send):
    """The reported case: 1.0.3 Data 2.4.4.1 / 2.0 4.2.2.3 — interactionType is a string from
    the vocabulary."""
    for wrong in (["choice"], {"choice": 1}):
        assert send(_replaced(RICH, ("object", "definition", "interactionType"), wrong)) == 400


scalars = (st.none() | st.booleans() | st.integers(min_value=-10**20, max_value=10**20)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
PATHS = [(i, path) for i, body in enumerate(STATEMENTS) for path in _paths(body)]


@settings(max_examples=120, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(PATHS) - 1), values, st.booleans())
def test_random_json_anywhere_never_500(send, which, new, under_2):
    index, path = PATHS[which]
    send(_replaced(STATEMENTS[index], path, new), "2.0.0" if under_2 else "1.0.3")
