"""xAPI 2.0 over HTTP: the version header picks the rules and is echoed, About lists both
versions, GET answers carry Last-Modified, and statements written under 2.0 stay readable by
1.0.3 clients."""

import json
from datetime import datetime
from email.utils import parsedate_to_datetime

import pytest

from lms.xapi.models import Statement

from .helpers import basic_client, post, statement, with_id

pytestmark = pytest.mark.django_db

V2 = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
CONTEXT_V2 = {"contextAgents": [{
    "objectType": "contextAgent",
    "agent": {"objectType": "Agent", "mbox": "mailto:gv@example.vn"},
    "relevantTypes": ["https://hocmo.vn/xapi/activity-types/vai-tro/giao-vien"]}]}


@pytest.fixture
def auth():
    _tool, headers = basic_client()
    return headers


def test_about_lists_both_versions_and_echoes_the_header(client):
    about = client.get("/xapi/about")
    assert about.json()["version"] == ["1.0.3", "2.0.0"]
    # Without a header the LRS answers with the newest version it speaks.
    assert about["X-Experience-API-Version"] == "2.0.0"
    assert client.get("/xapi/about", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")[
        "X-Experience-API-Version"] == "1.0.3"
    assert client.get("/xapi/about", **V2)["X-Experience-API-Version"] == "2.0.0"


def test_unsupported_version_header_is_400(client, auth):
    response = post(client, statement(), **{**auth, "HTTP_X_EXPERIENCE_API_VERSION": "0.95"})
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["detail"]


def test_post_under_2_0(client, auth):
    body = with_id(context=CONTEXT_V2, timestamp="2025-09-05T15:30:00+07:00")
    response = post(client, body, **{**auth, **V2})
    assert response.status_code == 200, response.content
    assert response["X-Experience-API-Version"] == "2.0.0"
    payload = Statement.objects.get(id=body["id"]).payload
    assert payload["version"] == "2.0.0"  # set by the LRS: the request spoke 2.0
    assert payload["context"] == CONTEXT_V2 and payload["timestamp"] == body["timestamp"]


def test_version_property_defaults_per_request_version(client, auth):
    old = with_id()
    post(client, old, **auth)
    assert Statement.objects.get(id=old["id"]).payload["version"] == "1.0.0"
    kept = with_id(version="1.0.3")
    assert post(client, kept, **{**auth, **V2}).status_code == 200
    assert Statement.objects.get(id=kept["id"]).payload["version"] == "1.0.3"


def test_2_0_rules_refuse_with_the_field_path(client, auth):
    cases = [
        (statement(timestamp="2025-09-05T08:30:00"), "statement.timestamp"),
        (statement(context={"contextAgents": [{"objectType": "contextAgent",
                                               "agent": {"key": "x"}}]}),
         "statement.context.contextAgents[0].agent.key"),
        (statement(context={"contextGroups": [{"objectType": "contextGroup",
                                               "group": {"objectType": "Group",
                                                         "mbox": "mailto:t@example.vn"},
                                               "relevantTypes": []}]}),
         "statement.context.contextGroups[0].relevantTypes"),
    ]
    for body, path in cases:
        response = post(client, body, **{**auth, **V2})
        assert response.status_code == 400, response.content
        assert response["X-Experience-API-Version"] == "2.0.0"
        assert path in response.json()["fields"], response.json()
    assert Statement.objects.count() == 0


def test_2_0_only_properties_are_refused_under_1_0_3(client, auth):
    response = post(client, statement(context=CONTEXT_V2), **auth)
    assert response.status_code == 400
    assert "statement.context.contextAgents" in response.json()["fields"]
    response = post(client, statement(version="2.0.0"), **auth)
    assert "statement.version" in response.json()["fields"]
    # 1.0.3 keeps the offset a SHOULD: a timestamp without one is accepted (read as UTC).
    assert post(client, statement(timestamp="2025-09-05T08:30:00"), **auth).status_code == 200


def test_2_0_statement_is_readable_by_a_1_0_3_client(client, auth):
    body = with_id(context=CONTEXT_V2, version="2.0.0")
    post(client, body, **{**auth, **V2})
    got = client.get("/xapi/statements", {"statementId": body["id"]}, **auth)  # 1.0.3 header
    assert got.status_code == 200
    assert got["X-Experience-API-Version"] == "1.0.3"
    assert got.json()["version"] == "2.0.0" and got.json()["context"] == CONTEXT_V2


def _last_modified(response) -> datetime:
    return parsedate_to_datetime(response["Last-Modified"])


def test_last_modified_on_single_and_multiple_statements(client, auth):
    first, second = with_id(), with_id()
    post(client, first, **{**auth, **V2})
    post(client, second, **{**auth, **V2})
    stored = {str(s.id): s.stored.replace(microsecond=0) for s in Statement.objects.all()}

    single = client.get("/xapi/statements", {"statementId": first["id"]}, **{**auth, **V2})
    assert _last_modified(single) == stored[first["id"]]
    assert single.json()["stored"].startswith(stored[first["id"]].isoformat()[:19])

    listed = client.get("/xapi/statements", **{**auth, **V2})
    assert _last_modified(listed) == max(stored.values())
    only_first = client.get("/xapi/statements", {"limit": 1, "ascending": "true"},
                            **{**auth, **V2})
    assert _last_modified(only_first) == min(stored.values())

    empty = client.get("/xapi/statements", {"verb": "https://hocmo.vn/khong-co"}, **auth)
    assert empty.json()["statements"] == [] and _last_modified(empty) >= max(stored.values())


def test_put_under_2_0_then_idempotent_repeat_under_1_0_3(client, auth):
    body = statement(context={"registration": "6f1c3a2e-8a1b-4f4e-9a55-2c1d0b7e9f10"})
    url = "/xapi/statements?statementId=0d8f9a47-3c1e-4b5a-8f62-7e9d2a1c4b30"
    assert client.put(url, data=json.dumps(body), content_type="application/json",
                      **{**auth, **V2}).status_code == 204
    # Same content: the LRS-set "version" is not part of the comparison, so no 409.
    assert client.put(url, data=json.dumps(body), content_type="application/json",
                      **auth).status_code == 204
    assert Statement.objects.get().payload["version"] == "2.0.0"


def test_since_and_until_need_a_time_zone_under_2_0_only(client, auth):
    post(client, with_id(), **{**auth, **V2})
    for name in ("since", "until"):
        refused = client.get("/xapi/statements", {name: "2026-01-01T00:00:00"}, **{**auth, **V2})
        assert refused.status_code == 400
        assert "múi giờ" in refused.json()["detail"] and name in json.dumps(refused.json())
        zoned = client.get("/xapi/statements", {name: "2026-01-01T00:00:00+07:00"},
                           **{**auth, **V2})
        assert zoned.status_code == 200
        # 1.0.3 keeps reading an offset-less timestamp as UTC.
        assert client.get("/xapi/statements", {name: "2026-01-01T00:00:00"},
                          **auth).status_code == 200
    documents = client.get("/xapi/activities/state",
                           {"activityId": "https://hocmo.vn/hoat-dong/1",
                            "agent": json.dumps({"mbox": "mailto:hs@example.vn"}),
                            "since": "2026-01-01T00:00:00"}, **{**auth, **V2})
    assert documents.status_code == 400
