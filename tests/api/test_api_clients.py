"""Integration clients: OAuth2 client credentials, scoped to a unit subtree, read or write."""

import pytest

from lms.api.services import api_client_create
from lms.api.throttling import ApiUserThrottle


def token_for(api, client, secret, scope="read"):
    response = api.post("/api/oauth/token/", {
        "grant_type": "client_credentials", "client_id": client.application.client_id,
        "client_secret": secret, "scope": scope})
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


def test_client_credentials_token_sees_only_its_subtree(api, world):
    client, secret = api_client_create(name="Phần mềm Phòng", unit=world["phong"])
    token = token_for(api, client, secret)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    learners = {row["id"] for row in api.get("/api/v1/learners/").json()["results"]}
    assert learners == {world["la"].pk}
    assert api.get(f"/api/v1/learners/{world['lb'].pk}/").status_code == 404
    # Read-only: no writes, even with a write-scoped request.
    response = api.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                                "course": world["course"].pk})
    assert response.status_code == 403


def test_write_client_can_enrol_within_its_subtree_only(api, world):
    client, secret = api_client_create(name="Phần mềm Sở", unit=world["school_a"],
                                       can_write=True)
    token = token_for(api, client, secret, scope="read write")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    from tests.factories import course_with_lessons

    other, _ = course_with_lessons(1, title="STEM", slug="stem")
    ok = api.post("/api/v1/enrolments/", {"learner": world["la"].pk, "course": other.pk})
    assert ok.status_code == 201
    assert ok.json()["source"] == "admin"
    denied = api.post("/api/v1/enrolments/", {"learner": world["lb"].pk, "course": other.pk})
    assert denied.status_code == 400


def test_read_scope_token_cannot_write_even_for_a_write_client(api, world):
    client, secret = api_client_create(name="Ghi", unit=world["school_a"], can_write=True)
    token = token_for(api, client, secret, scope="read")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                                "course": world["course"].pk})
    assert response.status_code == 403


def test_bad_secret_and_bad_token(api, world):
    client, _secret = api_client_create(name="Sai", unit=world["school_a"])
    response = api.post("/api/oauth/token/", {
        "grant_type": "client_credentials", "client_id": client.application.client_id,
        "client_secret": "sai-mat-khau"})
    assert response.status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Bearer khong-hop-le")
    assert api.get("/api/v1/learners/").status_code == 401


def test_throttled_per_client(api, world, monkeypatch):
    monkeypatch.setattr(ApiUserThrottle, "THROTTLE_RATES", {"api_user": "3/min"})
    api.force_authenticate(world["la"])
    codes = [api.get("/api/v1/courses/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    api.force_authenticate(world["lb"])  # another client has its own budget
    assert api.get("/api/v1/courses/").status_code == 200


def test_fields_pagination_ordering_filters_and_tree(api, world):
    from tests.factories import learner_in

    for i in range(5):
        learner_in(world["class_a"], username=f"hs.extra{i}")
    api.force_authenticate(world["officer_so"])
    page = api.get("/api/v1/learners/?page_size=3&fields=id,full_name").json()
    assert len(page["results"]) == 3 and set(page["results"][0]) == {"id", "full_name"}
    assert page["next"] and "cursor=" in page["next"]
    second = api.get(page["next"]).json()
    assert not {r["id"] for r in second["results"]} & {r["id"] for r in page["results"]}
    only_b = api.get(f"/api/v1/learners/?unit={world['school_b'].pk}").json()["results"]
    assert [r["id"] for r in only_b] == [world["lb"].pk]
    assert only_b[0]["classes"] == [world["class_b"].pk]
    ordered = api.get("/api/v1/learners/?ordering=-full_name&page_size=100").json()["results"]
    names = [r["full_name"] for r in ordered]
    assert names == sorted(names, reverse=True)
    tree = api.get(f"/api/v1/units/{world['so'].pk}/tree/?depth=2").json()
    assert [c["name"] for c in tree["children"]] == sorted(c["name"] for c in tree["children"])
    phong = next(c for c in tree["children"] if c["id"] == world["phong"].pk)
    assert phong["children"][0]["id"] == world["school_a"].pk
    assert phong["children"][0]["children"] == []  # depth 2 stops above the class
    kids = api.get(f"/api/v1/units/{world['so'].pk}/children/").json()["results"]
    assert {k["id"] for k in kids} == {world["phong"].pk, world["school_b"].pk}
    assert all(k["parent"] == world["so"].pk for k in kids)
    sub = api.get(f"/api/v1/units/{world['phong'].pk}/subtree/?is_class=true").json()["results"]
    assert [u["id"] for u in sub] == [world["class_a"].pk]
    lessons = api.get(f"/api/v1/lessons/?course={world['course'].pk}").json()["results"]
    assert {lesson["course"] for lesson in lessons} == {world["course"].pk}
    done = api.get("/api/v1/progress/?completed=true").json()["results"]
    assert len(done) == 2


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_schema_and_docs_pages(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert "cdn" not in body.lower() or path == "/api/schema/"
    if path == "/api/schema/":
        assert "Mọi điểm cuối" in body and "Every endpoint" in body
