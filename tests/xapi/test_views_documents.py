"""State, Activity Profile and Agent Profile resources with ETag concurrency."""

import json

import pytest

from tests.factories import UserFactory

from .helpers import VERSION, basic_client

pytestmark = pytest.mark.django_db
ACTIVITY = "https://hocmo.vn/hoat-dong/1"
AGENT = json.dumps({"mbox": "mailto:ai@example.vn"})


def _state(**extra):
    return {"activityId": ACTIVITY, "agent": AGENT, **extra}


def _url(path, params):
    from urllib.parse import urlencode

    return f"{path}?{urlencode(params)}"


def test_state_put_get_post_merge_delete(client):
    _tool, auth = basic_client()
    url = _url("/xapi/activities/state", _state(stateId="tien-do"))
    put = client.put(url, data=json.dumps({"trang": 1}), content_type="application/json", **auth)
    assert put.status_code == 204
    got = client.get(url, **auth)
    assert got.status_code == 200 and got.json() == {"trang": 1} and got["ETag"]
    merged = client.post(url, data=json.dumps({"diem": 5}), content_type="application/json",
                         **auth)
    assert merged.status_code == 204
    assert client.get(url, **auth).json() == {"trang": 1, "diem": 5}
    ids = client.get(_url("/xapi/activities/state", _state()), **auth).json()
    assert ids == ["tien-do"]
    assert client.delete(url, **auth).status_code == 204
    assert client.get(url, **auth).status_code == 404


def test_state_requires_activity_and_agent(client):
    _tool, auth = basic_client()
    response = client.get(_url("/xapi/activities/state", {"activityId": ACTIVITY}), **auth)
    assert response.status_code == 400 and "agent" in response.json()["fields"]
    bad = client.get(_url("/xapi/activities/state", {"activityId": ACTIVITY, "agent": "{"}),
                     **auth)
    assert bad.status_code == 400


def test_profile_etag_concurrency(client):
    _tool, auth = basic_client()
    url = _url("/xapi/activities/profile", {"activityId": ACTIVITY, "profileId": "p"})
    first = client.put(url, data=b'{"a": 1}', content_type="application/json",
                       HTTP_IF_NONE_MATCH="*", **auth)
    assert first.status_code == 204
    etag = client.get(url, **auth)["ETag"]
    # Creating again with If-None-Match: * fails; a blind overwrite is a conflict.
    assert client.put(url, data=b'{"a": 2}', content_type="application/json",
                      HTTP_IF_NONE_MATCH="*", **auth).status_code == 412
    assert client.put(url, data=b'{"a": 2}', content_type="application/json",
                      **auth).status_code == 409
    assert client.put(url, data=b'{"a": 2}', content_type="application/json",
                      HTTP_IF_MATCH='"stale"', **auth).status_code == 412
    assert client.put(url, data=b'{"a": 2}', content_type="application/json",
                      HTTP_IF_MATCH=etag, **auth).status_code == 204
    assert client.get(url, **auth).json() == {"a": 2}


def test_agent_profile(client):
    _tool, auth = basic_client()
    url = _url("/xapi/agents/profile", {"agent": AGENT, "profileId": "so-thich"})
    assert client.put(url, data=b"xin chao", content_type="text/plain",
                      HTTP_IF_NONE_MATCH="*", **auth).status_code == 204
    got = client.get(url, **auth)
    assert got.content == b"xin chao" and got["Content-Type"].startswith("text/plain")
    person = client.get(_url("/xapi/agents", {"agent": AGENT}), **auth).json()
    assert person["objectType"] == "Person" and person["mbox"] == ["mailto:ai@example.vn"]


def test_learner_only_touches_their_own_state(client):
    client.force_login(UserFactory(username="hocvien"))
    own = json.dumps({"account": {"homePage": "http://127.0.0.1:8000", "name": "hocvien"}})
    mine = _url("/xapi/activities/state", {"activityId": ACTIVITY, "agent": own,
                                           "stateId": "s"})
    assert client.put(mine, data=b"{}", content_type="application/json",
                      **VERSION).status_code == 204
    other = _url("/xapi/activities/state", _state(stateId="s"))
    assert client.get(other, **VERSION).status_code == 403
    profile = _url("/xapi/activities/profile", {"activityId": ACTIVITY, "profileId": "p"})
    assert client.put(profile, data=b"{}", content_type="application/json",
                      **VERSION).status_code == 403


def test_scope_state_needed(client):
    _tool, auth = basic_client(scopes=("statements/write",))
    assert client.get(_url("/xapi/activities/state", _state(stateId="s")),
                      **auth).status_code == 403


def test_a_tool_without_all_scope_reaches_only_its_own_agents_documents(client):
    """Issue 16, defect 6: a tool with only statements/read/mine and state could GET and PUT a
    learner's state document. Now State and Agent Profile are limited to the agent the tool
    writes as (its authority), as the xAPI `state`/`profile` scopes say; `all` reaches anyone's."""
    from lms.xapi.services import Principal, authority_for

    admin_tool, admin_auth = basic_client(scopes=("all",))
    learner = json.dumps({"account": {"homePage": "http://127.0.0.1:8000", "name": "hocsinh"}})
    learners = _url("/xapi/activities/state", {"activityId": ACTIVITY, "agent": learner,
                                               "stateId": "s"})
    assert client.put(learners, data=b'{"bi-mat": 1}', content_type="application/json",
                      **admin_auth).status_code == 204

    tool, auth = basic_client(scopes=("statements/read/mine", "state", "profile"))
    assert client.get(learners, **auth).status_code == 403
    assert client.put(learners, data=b"{}", content_type="application/json",
                      **auth).status_code == 403
    assert client.post(learners, data=b"{}", content_type="application/json",
                       **auth).status_code == 403
    assert client.delete(learners, **auth).status_code == 403
    listing = _url("/xapi/activities/state", {"activityId": ACTIVITY, "agent": learner})
    assert client.get(listing, **auth).status_code == 403
    profile = _url("/xapi/agents/profile", {"agent": learner, "profileId": "p"})
    assert client.get(profile, **auth).status_code == 403
    assert client.get(learners, **admin_auth).json() == {"bi-mat": 1}  # untouched

    own = json.dumps(authority_for(Principal(client=tool)))
    mine = _url("/xapi/activities/state", {"activityId": ACTIVITY, "agent": own,
                                           "stateId": "s"})
    assert client.put(mine, data=b'{"a": 1}', content_type="application/json",
                      **auth).status_code == 204
    assert client.get(mine, **auth).json() == {"a": 1}
