"""Issue 20: conformance defects found by the ADL requirements (1.0.3 and 2.0). Each test quotes
the requirement it comes from; "1.0.3 Data 2.4.9" is the 1.0.3 specification's section, "2.0
4.2.2.10" the IEEE 9274.1.1 (xAPI 2.0) one, "XAPI-00100" the conformance requirement id. The
2.0 numbers follow those of the ADL 2.0 suite's files (4.1.4 Concurrency, 4.1.6.x resources,
4.2.x data); the section's name is given next to each, which is what to look up."""

import json
from urllib.parse import urlencode

import pytest

from lms.xapi.models import Statement

from .helpers import basic_client, post, statement, with_id
from .test_views_attachments import multipart, send
from .test_views_signatures import sign, signed

pytestmark = pytest.mark.django_db
V1 = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
V2 = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
ACTIVITY = "https://hocmo.vn/hoat-dong/1"
AGENT = json.dumps({"mbox": "mailto:ai@example.vn"})


@pytest.fixture
def auth():
    _tool, headers = basic_client()
    return headers


def test_an_invalid_authority_is_400_even_though_the_lrs_replaces_it(client, auth):
    """1.0.3 Data 2.4.9 / 2.0 4.2.2.10 (authority "SHALL be an Agent or Group"); XAPI-00100:
    the LRS rejects a statement whose authority is not a valid Agent, though it then sets its own
    authority on the statements it accepts."""
    for version in (V1, V2):
        bad = with_id(authority={"objectType": "Agent", "mbox": "not-a-mailto"})
        response = post(client, bad, **{**auth, **version})
        assert response.status_code == 400, response.content
        assert "statement.authority.mbox" in response.json()["fields"]
    three = {"objectType": "Group", "member": [
        {"mbox": f"mailto:{n}@example.vn"} for n in ("a", "b", "c")]}
    assert post(client, with_id(authority=three), **auth).status_code == 400
    good = with_id(authority={"objectType": "Agent", "mbox": "mailto:tool@example.vn"})
    assert post(client, good, **auth).status_code == 200
    stored = Statement.objects.get(id=good["id"]).payload["authority"]
    assert stored["account"]["name"].startswith("client:")  # the LRS's own


def test_consistent_through_is_on_error_answers_of_statements_too(client, auth):
    """1.0.3 Communication 2.1.3 / 2.0 4.1.6.1: the LRS "MUST include the
    X-Experience-API-Consistent-Through header in the response" to a GET on the Statement
    Resource — a 400 or a 404 is such a response."""
    for params in ({"verb": "khong-phai-iri"}, {"statementId": "khong-phai-uuid"},
                   {"statementId": "7f6a7e3c-6fc0-4a5e-9d2b-0a1f5d4e3c21"}):
        response = client.get("/xapi/statements", params, **auth)
        assert response.status_code in (400, 404)
        assert response["X-Experience-API-Consistent-Through"]
    ok = client.get("/xapi/statements", **auth)
    assert ok["X-Experience-API-Consistent-Through"]


def test_a_single_context_activity_comes_back_as_an_array(client, auth):
    """1.0.3 Data 2.4.6.2 / 2.0 4.2.2.5 (contextActivities): a single Activity Object is
    accepted, but "the LRS MUST return every value in the contextActivities Object as an array,
    even if it arrived as a single Activity Object" — also inside a SubStatement."""
    parent = {"objectType": "Activity", "id": "https://hocmo.vn/khoa-hoc/1"}
    inner = {"objectType": "SubStatement", "actor": {"mbox": "mailto:b@example.vn"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
             "object": {"id": ACTIVITY}, "context": {"contextActivities": {"grouping": parent}}}
    body = with_id(context={"contextActivities": {"parent": parent, "category": [parent]}},
                   object=inner)
    assert post(client, body, **auth).status_code == 200
    got = client.get("/xapi/statements", {"statementId": body["id"]}, **auth).json()
    assert got["context"]["contextActivities"] == {"parent": [parent], "category": [parent]}
    assert got["object"]["context"]["contextActivities"] == {"grouping": [parent]}


def _state_url(**extra):
    return "/xapi/activities/state?" + urlencode(
        {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s", **extra})


def test_state_put_without_precondition_over_a_document_is_409_under_2_0(client, auth):
    """2.0 4.1.4 (Concurrency, State among the resources): "If a PUT request is received without
    either header for a resource that already exists, the LRS SHALL return HTTP status 409
    Conflict" and not modify it. 1.0.3 Communication 3.1 applies this to the profiles only, so a
    1.0.3 State PUT still overwrites."""
    url = _state_url()
    assert client.put(url, data=b'{"a": 1}', content_type="application/json",
                      **{**auth, **V2}).status_code == 204  # creating needs no precondition
    blind = client.put(url, data=b'{"a": 2}', content_type="application/json", **{**auth, **V2})
    assert blind.status_code == 409 and blind.content
    assert client.get(url, **{**auth, **V2}).json() == {"a": 1}
    etag = client.get(url, **{**auth, **V2})["ETag"]
    assert client.put(url, data=b'{"a": 3}', content_type="application/json", HTTP_IF_MATCH=etag,
                      **{**auth, **V2}).status_code == 204
    assert client.put(url, data=b'{"a": 4}', content_type="application/json",
                      **{**auth, **V1}).status_code == 204


def test_without_version_header_the_400_names_the_newest_version(client, auth):
    """2.0 4.1.2 / 1.0.3 Communication 3.3: every response carries X-Experience-API-Version; a
    request without the header (any resource but About) is refused with 400, and the suite's
    XAPI-00331 expects that answer to say 2.0.0 — the LRS cannot know what the client speaks,
    so it names the newest version it implements."""
    no_version = {k: v for k, v in auth.items() if k != "HTTP_X_EXPERIENCE_API_VERSION"}
    for response in (client.get("/xapi/statements", **no_version),
                     client.post("/xapi/statements", data=json.dumps(statement()),
                                 content_type="application/json", **no_version)):
        assert response.status_code == 400
        assert response["X-Experience-API-Version"] == "2.0.0"
    assert client.get("/xapi/statements", **{**auth, **V1})["X-Experience-API-Version"] == "1.0.3"


@pytest.mark.parametrize("path, params", [
    ("/xapi/agents/profile", {"agent": AGENT, "profileId": "p"}),
    ("/xapi/activities/profile", {"activityId": ACTIVITY, "profileId": "p"}),
])
def test_profile_put_creating_without_precondition_is_400_under_1_0_3(client, auth, path,
                                                                       params):
    """1.0.3 Communication 3.1: "A Client making a PUT request to either the Activity Profile or
    Agent Profile Resource MUST include the If-Match header or the If-None-Match header". The
    LRS requirements there only name 409 (document exists); the 1.0.3 conformance suite
    (Communication 2.6, XAPI-00273: "PUT request without an ETag header returns an error code")
    expects 400 when it creates one, and that is what the LRS answers. The 2.0 suite does not
    test it, and 2.0 (4.1.4) states no such LRS rule: a 2.0 create stays accepted."""
    url = f"{path}?{urlencode(params)}"
    refused = client.put(url, data=b'{"a": 1}', content_type="application/json", **{**auth, **V1})
    assert refused.status_code == 400
    assert client.get(url, **{**auth, **V1}).status_code == 404  # nothing stored
    assert client.put(url, data=b'{"a": 1}', content_type="application/json",
                      HTTP_IF_NONE_MATCH="*", **{**auth, **V1}).status_code == 204
    other = f"{path}?{urlencode({**params, 'profileId': 'q'})}"
    assert client.put(other, data=b'{"a": 1}', content_type="application/json",
                      **{**auth, **V2}).status_code == 204


@pytest.mark.parametrize("path, params", [
    ("/xapi/agents/profile", {"agent": AGENT, "profileId": "p"}),
    ("/xapi/activities/profile", {"activityId": ACTIVITY, "profileId": "p"}),
    ("/xapi/activities/state", {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s"}),
])
def test_document_post_with_invalid_json_is_400(client, auth, path, params):
    """XAPI-00284 (1.0.3 Communication 2.6 / 2.0 4.1.6.5): "An LRS must reject, with 400 Bad
    Request, a POST request to the Agent Profile API which contains name/value pairs with invalid
    JSON and the Content-Type header is application/json" — the same merge rules hold for the
    Activity Profile and State (1.0.3 Communication 2.2 / 2.0 4.1.6). Nothing is stored."""
    url = f"{path}?{urlencode(params)}"
    response = client.post(url, data=b'{"a": ', content_type="application/json", **auth)
    assert response.status_code == 400
    assert client.get(url, **auth).status_code == 404
    # Valid JSON that is not an object is still accepted when nothing is stored yet (the suite's
    # "cannot reject a POST based on the contents", Communication 2.2.s4.b2).
    assert client.post(url, data=b"1", content_type="application/json",
                       **auth).status_code == 204


def test_format_ids_applies_inside_a_substatement(client, auth):
    """1.0.3 Communication 2.1.3 / 2.0 4.1.6.1 (format=ids): "Only include minimum information
    necessary in Agent, Activity, Verb and Group Objects to identify them" — wherever they are,
    a SubStatement's actor, verb and object included."""
    inner = {"objectType": "SubStatement",
             "actor": {"objectType": "Agent", "name": "Bình", "mbox": "mailto:b@example.vn"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted", "display": {"vi": "thử"}},
             "object": {"objectType": "Activity", "id": ACTIVITY,
                        "definition": {"name": {"vi": "Bài 1"}}},
             "context": {"instructor": {"name": "Cô", "mbox": "mailto:co@example.vn"}}}
    body = with_id(object=inner)
    assert post(client, body, **auth).status_code == 200
    got = client.get("/xapi/statements", {"statementId": body["id"], "format": "ids"},
                     **auth).json()
    assert got["actor"] == {"objectType": "Agent", "mbox": "mailto:ai@example.vn"}
    assert got["verb"] == {"id": body["verb"]["id"]}
    sub = got["object"]
    assert sub["actor"] == {"objectType": "Agent", "mbox": "mailto:b@example.vn"}
    assert sub["verb"] == {"id": "http://adlnet.gov/expapi/verbs/attempted"}
    assert sub["object"] == {"objectType": "Activity", "id": ACTIVITY}
    assert sub["context"]["instructor"] == {"mbox": "mailto:co@example.vn"}
    listed = client.get("/xapi/statements", {"format": "ids"}, **auth).json()["statements"]
    assert listed[0]["object"] == sub


def test_signature_compares_durations_to_a_hundredth_of_a_second_under_2_0(client, auth):
    """2.0 4.2.4.4 (statement comparison, used for signed statements by 4.2.4.5): "any precision
    beyond 0.01 second precision SHALL NOT be included in the comparison" of result.duration.
    An LRS may store PT1.234S as PT1.23S; the signature over PT1.234S must still verify. 1.0.3
    has no such rule: there the statement must be the one signed."""
    original = with_id(result={"duration": "PT1.234S"})
    token = sign(original)
    sent = signed({**original, "result": {"duration": "PT1.23S"}}, token)
    response = send(client, multipart([sent], [token]), {**auth, **V2})
    assert response.status_code == 200, response.content
    other = with_id(result={"duration": "PT1.234S"})
    token = sign(other)
    coarse = signed({**other, "result": {"duration": "PT1.24S"}}, token)
    assert send(client, multipart([coarse], [token]), {**auth, **V2}).status_code == 400
    assert send(client, multipart([signed({**other, "result": {"duration": "PT1.23S"}}, token)],
                                  [token]), {**auth, **V1}).status_code == 400
