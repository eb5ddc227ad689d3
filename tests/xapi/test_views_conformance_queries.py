"""Issue 20: GET /statements and GET /activities as the specification reads them — the broad
filters, StatementRefs meeting a filter through their target, canonical language maps and the
merged activity definition. Sections: 1.0.3 (Communication / Data) and 2.0 (IEEE 9274.1.1)."""

import json

import pytest

from .helpers import basic_client, post, with_id

pytestmark = pytest.mark.django_db
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
COURSE = "https://hocmo.vn/khoa-hoc/1"
LESSON = "https://hocmo.vn/bai-hoc/9"
TEACHER = {"objectType": "Agent", "mbox": "mailto:co-giao@example.vn"}


@pytest.fixture
def tool():
    return basic_client()


def _ids(client, auth, **params):
    response = client.get("/xapi/statements", params, **auth)
    assert response.status_code == 200, response.content
    return {s["id"] for s in response.json()["statements"]}


def test_related_activities_and_related_agents(client, tool):
    """1.0.3 Communication 2.1.3 (GET Statements) / 2.0 4.1.6.1: related_activities "Apply the
    Activity filter broadly. Include Statements for which the Object, any of the context
    Activities, or any of these properties in a contained SubStatement match"; related_agents
    likewise for "the Actor, Object, Authority, Instructor, Team, or any of these properties in a
    contained SubStatement". Without them, `activity` matches the Object only and `agent` the
    Actor or Object."""
    _client, auth = tool
    direct = with_id(object={"id": LESSON})
    in_context = with_id(context={"contextActivities": {"parent": {"id": LESSON}},
                                  "instructor": TEACHER})
    in_sub = with_id(object={"objectType": "SubStatement", "actor": TEACHER,
                             "verb": {"id": ATTEMPTED}, "object": {"id": COURSE},
                             "context": {"contextActivities": {"grouping": [{"id": LESSON}]}}})
    as_object = with_id(object=TEACHER)
    for body in (direct, in_context, in_sub, as_object):
        assert post(client, body, **auth).status_code == 200
    assert _ids(client, auth, activity=LESSON) == {direct["id"]}
    assert _ids(client, auth, activity=LESSON, related_activities="true") == {
        direct["id"], in_context["id"], in_sub["id"]}
    teacher = json.dumps(TEACHER)
    assert _ids(client, auth, agent=teacher) == {as_object["id"]}
    assert _ids(client, auth, agent=teacher, related_agents="true") == {
        in_context["id"], in_sub["id"], as_object["id"]}
    # The authority (the LRS sets it from the tool's credentials) is an agent too.
    authority = client.get("/xapi/statements", {"statementId": direct["id"]},
                           **auth).json()["authority"]
    assert _ids(client, auth, agent=json.dumps(authority), related_agents="true") == {
        direct["id"], in_context["id"], in_sub["id"], as_object["id"]}
    assert _ids(client, auth, agent=json.dumps(authority)) == set()


def test_statements_targeting_a_match_meet_the_filter_voiding_included(client, tool):
    """1.0.3 Communication 2.1.3 "Filter Conditions for StatementRefs" / 2.0 4.1.6.1: for the
    filters other than since, until and limit, "Statements which target another Statement (by
    using a StatementRef as the Object of the Statement) will meet the filter condition if the
    Targeted Statement meets the filter condition", recursively; and 1.0.3 Data 2.3.2 (Voiding)
    / 2.0 4.2.3.2: the LRS still returns the voiding statement though the voided one is not."""
    _client, auth = tool
    target = with_id(verb={"id": ATTEMPTED})
    other_verb = "http://adlnet.gov/expapi/verbs/experienced"
    referring = with_id(object={"objectType": "StatementRef", "id": target["id"]})
    second_hop = with_id(object={"objectType": "StatementRef", "id": referring["id"]})
    for body in (target, referring, second_hop):
        assert post(client, body, **auth).status_code == 200
    assert _ids(client, auth, verb=ATTEMPTED) == {target["id"], referring["id"], second_hop["id"]}
    voiding = with_id(verb={"id": VOIDED}, object={"objectType": "StatementRef",
                                                   "id": target["id"]})
    assert post(client, voiding, **auth).status_code == 200
    # The voided statement leaves, the statements targeting it (the voiding one included) stay.
    assert _ids(client, auth, verb=ATTEMPTED) == {referring["id"], second_hop["id"],
                                                  voiding["id"]}
    # The reference works one way only: the target does not meet the referrers' own verb.
    assert _ids(client, auth, verb=other_verb) == {referring["id"], second_hop["id"]}
    # since/until apply to the targeting statement itself, not through the reference.
    stored = client.get("/xapi/statements", {"statementId": voiding["id"]},
                        **auth).json()["stored"]
    assert _ids(client, auth, verb=ATTEMPTED, since=stored) == set()


def test_format_canonical_picks_one_language_per_map_by_accept_language(client, tool):
    """1.0.3 Data 2.5 "Language filtering requirements for canonical format statements": the LRS
    "MUST return only one language in each of these maps", chosen by applying the
    Accept-Language header "to each language map individually"; Communication 2.1.3 / 2.0
    4.1.6.1 format=canonical. Agents stay as in exact."""
    _client, auth = tool
    body = with_id(
        verb={"id": ATTEMPTED, "display": {"en-US": "attempted", "vi": "đã thử"}},
        object={"id": LESSON, "definition": {
            "name": {"en-US": "Lesson 9", "vi-VN": "Bài 9", "fr": "Leçon 9"},
            "description": {"en-GB": "Fractions"},
            "interactionType": "choice",
            "choices": [{"id": "a", "description": {"en-US": "Yes", "vi": "Có"}}]}})
    assert post(client, body, **auth).status_code == 200
    got = client.get("/xapi/statements", {"statementId": body["id"], "format": "canonical"},
                     HTTP_ACCEPT_LANGUAGE="vi;q=0.9, fr;q=0.5, *;q=0.1", **auth).json()
    definition = got["object"]["definition"]
    assert got["verb"]["display"] == {"vi": "đã thử"}
    assert definition["name"] == {"vi-VN": "Bài 9"}  # "vi" matches "vi-VN" (RFC 2616 14.4)
    assert definition["description"] == {"en-GB": "Fractions"}  # the only one there is
    assert definition["choices"][0]["description"] == {"vi": "Có"}
    assert got["actor"] == body["actor"]
    english = client.get("/xapi/statements", {"format": "canonical"},
                         HTTP_ACCEPT_LANGUAGE="en", **auth).json()["statements"][0]
    assert english["object"]["definition"]["name"] == {"en-US": "Lesson 9"}
    exact = client.get("/xapi/statements", {"statementId": body["id"]},
                       HTTP_ACCEPT_LANGUAGE="vi", **auth).json()
    assert exact["object"]["definition"]["name"] == body["object"]["definition"]["name"]


def test_get_activities_merges_definitions_from_several_statements(client, tool):
    """1.0.3 Data 2.4.4.1: the LRS "SHOULD update its internal representation of an Activity's
    definition upon receiving a Statement with a different definition"; Communication 2.5 / 2.0
    4.1.6.4 (Activities Resource) returns that canonical Activity Object. Language maps merge
    language by language, the newest statement winning."""
    _client, auth = tool
    first = with_id(object={"id": LESSON, "definition": {
        "name": {"en-US": "Lesson 9"}, "type": "http://adlnet.gov/expapi/activities/lesson"}})
    second = with_id(object={"id": LESSON, "definition": {
        "name": {"vi": "Bài 9"}, "description": {"vi": "Phân số"}}})
    third = with_id(context={"contextActivities": {"parent": [{"id": LESSON, "definition": {
        "name": {"en-US": "Lesson nine"}}}]}})
    for body in (first, second, third):
        assert post(client, body, **auth).status_code == 200
    got = client.get("/xapi/activities", {"activityId": LESSON}, **auth).json()
    assert got == {"objectType": "Activity", "id": LESSON, "definition": {
        "name": {"en-US": "Lesson nine", "vi": "Bài 9"}, "description": {"vi": "Phân số"},
        "type": "http://adlnet.gov/expapi/activities/lesson"}}
    unknown = client.get("/xapi/activities", {"activityId": "https://hocmo.vn/chua-co"}, **auth)
    assert unknown.json() == {"objectType": "Activity", "id": "https://hocmo.vn/chua-co"}
