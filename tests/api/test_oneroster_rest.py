"""OneRoster 1.2 rostering REST: a client token sees its unit's subtree in the spec's JSON,
pages with limit/offset, filters, sorts and picks fields; anything outside is a 404."""

import pytest

from lms.api.services import api_client_create, api_token_issue
from lms.units.models import Unit

pytestmark = pytest.mark.django_db
BASE = "/ims/oneroster/rostering/v1p2/"


@pytest.fixture
def token_b(world):
    client, _secret = api_client_create(name="Phần mềm trường B", unit=world["school_b"])
    return api_token_issue(client=client)


def _get(api, token, path, **params):
    return api.get(BASE + path, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_collections_in_the_clients_subtree_only(api, world, token_b):
    schools = _get(api, token_b, "schools").json()["orgs"]
    assert [s["name"] for s in schools] == ["Trường THPT B"] and schools[0]["type"] == "school"
    classes = _get(api, token_b, "classes").json()["classes"]
    assert [c["title"] for c in classes] == ["Lớp 12A1"]
    assert classes[0]["school"]["sourcedId"] == schools[0]["sourcedId"]
    users = _get(api, token_b, "users").json()["users"]
    assert {u["username"] for u in users} == {"hs.b", "hieutruong.b"}
    learner = next(u for u in users if u["username"] == "hs.b")
    assert learner["roles"][0]["role"] == "student" and learner["enabledUser"] is True
    enrollments = _get(api, token_b, "enrollments").json()["enrollments"]
    assert [(e["user"]["sourcedId"], e["role"]) for e in enrollments] == [("hs.b", "student")]
    one = _get(api, token_b, f"users/{learner['sourcedId']}").json()
    assert one["user"]["familyName"] == "Trần" and one["user"]["givenName"] == "B"
    # Enumerating ids outside the subtree: 404 exactly like an unknown id.
    school_a = Unit.objects.get(pk=world["school_a"].pk)
    for path in (f"orgs/hocmo-unit-{school_a.pk}", "users/hs.a", "users/nobody"):
        response = _get(api, token_b, path)
        assert response.status_code == 404
        assert response.json()["imsx_codeMajor"] == "failure"


def test_paging_filter_sort_fields_and_errors(api, world):
    client, _ = api_client_create(name="Sở", unit=world["so"])
    token = api_token_issue(client=client)
    everyone = _get(api, token, "users", sort="username").json()["users"]
    assert len(everyone) >= 6
    page = _get(api, token, "users", sort="username", limit=2, offset=2)
    assert [u["username"] for u in page.json()["users"]] == [u["username"] for u in everyone[2:4]]
    assert page["X-Total-Count"] == str(len(everyone)) and 'rel="next"' in page["Link"]
    students = _get(api, token, "enrollments", filter="role='student'").json()["enrollments"]
    assert {e["user"]["sourcedId"] for e in students} == {"hs.a", "hs.b"}
    both = _get(api, token, "users", filter="username='hs.a' OR username='hs.b'").json()
    assert len(both["users"]) == 2
    desc = _get(api, token, "users", sort="username", orderBy="desc").json()["users"]
    assert desc[0]["username"] == everyone[-1]["username"]
    slim = _get(api, token, "orgs", fields="sourcedId,name").json()["orgs"]
    assert set(slim[0]) == {"sourcedId", "name"}
    assert _get(api, token, "users", filter="nope='x'").status_code == 400
    assert _get(api, token, "users", filter="garbage").status_code == 400
    assert _get(api, token, "users", limit="-1").status_code == 400
    assert api.get(BASE + "users").status_code == 401
    assert api.get(BASE + "nothing-here").status_code == 404
