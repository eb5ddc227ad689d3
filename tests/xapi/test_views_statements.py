"""The Statements API: happy path, each 400 case, idempotency, conflict, paging, filters,
voiding, headers and auth."""

import json
import uuid

import pytest

from lms.xapi.models import Statement
from tests.factories import UserFactory

from .helpers import VERSION, basic_client, post, statement, with_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client):
    user = UserFactory(username="hocvien", full_name="Trần Thị Học")
    client.force_login(user)
    return client, user


def test_about_needs_no_auth(client):
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert "1.0.3" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "2.0.0"  # no header: the newest spoken


def test_anonymous_is_401(client):
    response = post(client, statement())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


def test_version_header_required(learner_client):
    client, _user = learner_client
    response = client.post("/xapi/statements", data=json.dumps(statement()),
                           content_type="application/json")
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["detail"]


def test_session_post_sets_actor_from_the_learner(learner_client):
    client, user = learner_client
    forged = statement(actor={"mbox": "mailto:nguoi-khac@example.vn"})
    response = post(client, forged)
    assert response.status_code == 200
    [sid] = response.json()
    row = Statement.objects.get(id=sid)
    assert row.payload["actor"]["account"]["name"] == "hocvien"
    assert "mbox" not in row.payload["actor"]
    assert row.user == user
    assert row.payload["authority"]["account"]["name"] == "hocmo-lrs"
    assert response["X-Experience-API-Consistent-Through"]


def test_session_post_requires_csrf():
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())
    assert post(browser, statement()).status_code == 403


def test_basic_auth_post_and_get(client):
    _tool, auth = basic_client()
    body = with_id()
    assert post(client, [body], **auth).status_code == 200
    got = client.get("/xapi/statements", {"statementId": body["id"]}, **auth)
    assert got.status_code == 200
    assert got.json()["actor"]["mbox"] == "mailto:ai@example.vn"
    assert got.json()["stored"] and got.json()["version"]


def test_wrong_secret_is_401(client):
    tool, auth = basic_client()
    bad = {**auth, "HTTP_AUTHORIZATION": "Basic " + __import__("base64").b64encode(
        f"{tool.key}:sai".encode()).decode()}
    assert post(client, statement(), **bad).status_code == 401


def test_scope_is_enforced(client):
    _tool, auth = basic_client(scopes=("statements/read/mine",))
    assert post(client, statement(), **auth).status_code == 403


@pytest.mark.parametrize("broken, path", [
    ({"actor": None}, "statement.actor"),
    ({"actor": {"name": "không định danh"}}, "statement.actor"),
    ({"actor": {"mbox": "ai@example.vn"}}, "statement.actor.mbox"),
    ({"actor": {"mbox": "mailto:a@b.vn", "openid": "https://a.vn"}}, "statement.actor"),
    ({"verb": {"display": {"vi": "x"}}}, "statement.verb.id"),
    ({"verb": {"id": "không phải iri"}}, "statement.verb.id"),
    ({"object": {"id": "https://a.vn", "objectType": "Khác"}}, "statement.object.objectType"),
    ({"id": "123"}, "statement.id"),
    ({"timestamp": "hôm qua"}, "statement.timestamp"),
    ({"result": {"score": {"scaled": 2}}}, "statement.result.score.scaled"),
    ({"result": {"score": {"raw": 11, "min": 0, "max": 10}}}, "statement.result.score.raw"),
    ({"result": {"success": "yes"}}, "statement.result.success"),
    ({"result": {"duration": "30 giây"}}, "statement.result.duration"),
    ({"context": {"registration": "x"}}, "statement.context.registration"),
    ({"unknown": 1}, "statement.unknown"),
    ({"attachments": {}}, "statement.attachments"),
    ({"verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}}, "statement.object"),
])
def test_invalid_statements_are_400(client, broken, path):
    _tool, auth = basic_client()
    body = statement(**broken)
    if broken.get("actor") is None and "actor" in broken:
        del body["actor"]
    response = post(client, body, **auth)
    assert response.status_code == 400, response.content
    assert path in response.json()["fields"], response.json()


def test_invalid_json_and_attachments_multipart(client):
    _tool, auth = basic_client()
    response = client.post("/xapi/statements", data="{không phải json",
                           content_type="application/json", **auth)
    assert response.status_code == 400
    response = client.post("/xapi/statements", data="--b\r\n", **auth,
                           content_type="multipart/mixed; boundary=b")
    assert response.status_code == 400 and "multipart" in response.json()["detail"]


def test_invalid_batch_stores_nothing(client):
    _tool, auth = basic_client()
    response = post(client, [with_id(), statement(verb={"id": "x y"})], **auth)
    assert response.status_code == 400
    assert "statements[1].verb.id" in response.json()["fields"]
    assert Statement.objects.count() == 0


def test_idempotent_post_and_conflict(client):
    _tool, auth = basic_client()
    body = with_id()
    assert post(client, body, **auth).json() == [body["id"]]
    assert post(client, body, **auth).status_code == 200  # same id, same content
    assert Statement.objects.count() == 1
    changed = {**body, "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}}
    assert post(client, changed, **auth).status_code == 409
    assert post(client, [with_id(), with_id() | {"id": body["id"]}], **auth).status_code in (
        200, 409)


def test_duplicate_ids_in_one_batch_are_400(client):
    _tool, auth = basic_client()
    body = with_id()
    assert post(client, [body, body], **auth).status_code == 400


def test_put_statement(client):
    _tool, auth = basic_client()
    sid = str(uuid.uuid4())
    url = f"/xapi/statements?statementId={sid}"
    put = client.put(url, data=json.dumps(statement()), content_type="application/json", **auth)
    assert put.status_code == 204
    again = client.put(url, data=json.dumps(statement()), content_type="application/json", **auth)
    assert again.status_code == 204
    other = statement(verb={"id": "http://adlnet.gov/expapi/verbs/attempted"})
    assert client.put(url, data=json.dumps(other), content_type="application/json",
                      **auth).status_code == 409
    missing = client.put("/xapi/statements", data=json.dumps(statement()),
                         content_type="application/json", **auth)
    assert missing.status_code == 400
    mismatch = client.put(url, data=json.dumps(with_id()), content_type="application/json",
                          **auth)
    assert mismatch.status_code == 400


def test_paging_with_more(client):
    _tool, auth = basic_client()
    ids = [with_id()["id"] for _ in range(7)]
    post(client, [statement(id=i) for i in ids], **auth)
    seen, url, params = [], "/xapi/statements", {"limit": 3}
    while url:
        page = client.get(url, params, **auth).json()
        seen += [s["id"] for s in page["statements"]]
        url, params = page["more"], None
    assert sorted(seen) == sorted(ids) and len(seen) == 7


def test_filters(client):
    _tool, auth = basic_client()
    reg = str(uuid.uuid4())
    a = with_id(verb={"id": "http://adlnet.gov/expapi/verbs/completed"},
                context={"registration": reg})
    b = with_id(actor={"mbox": "mailto:khac@example.vn"},
                object={"id": "https://hocmo.vn/hoat-dong/2"})
    post(client, [a, b], **auth)

    def ids(**params):
        response = client.get("/xapi/statements", params, **auth)
        assert response.status_code == 200, response.content
        return {s["id"] for s in response.json()["statements"]}

    assert ids(verb="http://adlnet.gov/expapi/verbs/completed") == {a["id"]}
    assert ids(activity="https://hocmo.vn/hoat-dong/2") == {b["id"]}
    assert ids(agent=json.dumps({"mbox": "mailto:khac@example.vn"})) == {b["id"]}
    assert ids(registration=reg) == {a["id"]}
    stored = Statement.objects.get(id=a["id"]).stored.isoformat()
    assert ids(until=stored) >= {a["id"]}
    assert ids(since=stored) == set()
    assert client.get("/xapi/statements", {"since": "hôm qua"}, **auth).status_code == 400
    assert client.get("/xapi/statements", {"foo": "1"}, **auth).status_code == 400
    assert client.get("/xapi/statements", {"related_activities": "oui"},
                      **auth).status_code == 400  # true or false only
    assert client.get("/xapi/statements", {"limit": "-1"}, **auth).status_code == 400
    assert client.get("/xapi/statements", {"statementId": a["id"], "verb": "https://x.vn"},
                      **auth).status_code == 400


def test_voiding(client):
    _tool, auth = basic_client()
    target = with_id()
    post(client, target, **auth)
    void = with_id(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                   object={"objectType": "StatementRef", "id": target["id"]})
    assert post(client, void, **auth).status_code == 200
    assert client.get("/xapi/statements", {"statementId": target["id"]},
                      **auth).status_code == 404
    voided = client.get("/xapi/statements", {"voidedStatementId": target["id"]}, **auth)
    assert voided.status_code == 200 and voided.json()["id"] == target["id"]
    listed = {s["id"] for s in client.get("/xapi/statements", **auth).json()["statements"]}
    assert target["id"] not in listed and void["id"] in listed
    # A voiding statement cannot itself be voided.
    again = with_id(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                    object={"objectType": "StatementRef", "id": void["id"]})
    assert post(client, again, **auth).status_code == 400


def test_learner_reads_and_voids_only_their_own(client, learner_client):
    browser, user = learner_client
    [mine] = post(browser, statement()).json()
    _tool, auth = basic_client()
    other = with_id()
    post(client, other, **auth)
    seen = {s["id"] for s in browser.get("/xapi/statements", **VERSION).json()["statements"]}
    assert seen == {mine}
    assert browser.get("/xapi/statements", {"statementId": other["id"]},
                       **VERSION).status_code == 404
    void = statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                     object={"objectType": "StatementRef", "id": other["id"]})
    assert post(browser, void).status_code == 403
    assert not Statement.objects.get(id=other["id"]).voided


def test_read_mine_scope_sees_only_its_own(client):
    _writer, writer_auth = basic_client()
    post(client, with_id(), **writer_auth)
    _reader, reader_auth = basic_client(scopes=("statements/write", "statements/read/mine"))
    mine = with_id()
    post(client, mine, **reader_auth)
    listed = client.get("/xapi/statements", **reader_auth).json()["statements"]
    assert [s["id"] for s in listed] == [mine["id"]]
