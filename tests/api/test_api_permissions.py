"""The permission matrix: role × level × endpoint, including every forbidden case."""

import pytest

LIST_ENDPOINTS = ["learners", "guardians", "enrolments", "progress", "completions"]


def learner_ids(api, user, endpoint):
    api.force_authenticate(user)
    response = api.get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200, response.content
    key = "learner" if endpoint != "learners" else "id"
    return {row[key] for row in response.json()["results"]}


@pytest.mark.parametrize("who, sees", [
    ("officer_so", {"la", "lb"}),      # province: both schools
    ("officer_phong", {"la"}),         # district: only school A below it
    ("admin_b", {"lb"}),               # school B's head: only B
    ("teacher_a", {"la"}),             # teacher at school A
    ("la", {"la"}),                    # a learner: only themself
    ("parent_a", {"la"}),              # a parent: only the linked child
    ("outsider", set()),               # nobody's learner
])
@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_people_and_learning_records_follow_role_and_subtree(api, world, who, sees, endpoint):
    expected = {world[k].pk for k in sees}
    assert learner_ids(api, world[who], endpoint) == expected


@pytest.mark.parametrize("who, visible_units", [
    ("officer_so", {"so", "phong", "school_a", "school_b", "class_a", "class_b"}),
    ("officer_phong", {"phong", "school_a", "class_a"}),
    ("admin_b", {"school_b", "class_b"}),
    ("la", set()),
    ("outsider", set()),
])
def test_units_and_classes_follow_the_subtree(api, world, who, visible_units):
    api.force_authenticate(world[who])
    got = {row["id"] for row in api.get("/api/v1/units/?page_size=100").json()["results"]}
    assert got == {world[k].pk for k in visible_units}
    classes = {row["id"] for row in api.get("/api/v1/classes/").json()["results"]}
    assert classes == {world[k].pk for k in visible_units if k.startswith("class")}


def test_forbidden_objects_answer_404(api, world):
    api.force_authenticate(world["admin_b"])
    assert api.get(f"/api/v1/learners/{world['la'].pk}/").status_code == 404
    assert api.get(f"/api/v1/units/{world['school_a'].pk}/").status_code == 404
    assert api.get(f"/api/v1/units/{world['school_a'].pk}/subtree/").status_code == 404
    assert api.get(f"/api/v1/learners/{world['lb'].pk}/").status_code == 200


def test_teachers_endpoint(api, world):
    api.force_authenticate(world["officer_phong"])
    ids = {row["id"] for row in api.get("/api/v1/teachers/").json()["results"]}
    assert ids == {world["teacher_a"].pk}
    api.force_authenticate(world["admin_b"])
    assert api.get("/api/v1/teachers/").json()["results"] == []


def test_anonymous_gets_401_or_403(api, world):
    for endpoint in ["units", "learners", "courses", "enrolments"]:
        assert api.get(f"/api/v1/{endpoint}/").status_code in (401, 403)


def test_enrolment_write_rules(api, world):
    course = world["course"].pk
    # A teacher of school A may enrol learner A, not learner B (outside the subtree).
    api.force_authenticate(world["teacher_a"])
    other, _ = __import__("tests.factories", fromlist=["x"]).course_with_lessons(
        1, title="Kỹ năng số", slug="ky-nang-so")
    response = api.post("/api/v1/enrolments/", {"learner": world["la"].pk, "course": other.pk})
    assert response.status_code == 201
    again = api.post("/api/v1/enrolments/", {"learner": world["la"].pk, "course": other.pk})
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]
    forbidden = api.post("/api/v1/enrolments/", {"learner": world["lb"].pk, "course": course})
    assert forbidden.status_code == 400 and "learner" in forbidden.json()
    # A parent may read but not enrol for the school.
    api.force_authenticate(world["parent_a"])
    assert api.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                            "course": other.pk}).status_code == 400
    # Bad input: clear field errors.
    api.force_authenticate(world["la"])
    bad = api.post("/api/v1/enrolments/", {"learner": "x", "course": 999999})
    assert bad.status_code == 400 and set(bad.json()) == {"learner", "course"}
    # A learner may enrol themself.
    assert api.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                            "course": course}).status_code == 200


def test_unpublished_course_cannot_be_enrolled_or_listed(api, world):
    world["course"].unpublish()
    api.force_authenticate(world["la"])
    assert api.get("/api/v1/courses/").json()["results"] == []
    response = api.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                                "course": world["course"].pk})
    assert response.status_code == 400 and "course" in response.json()


def test_session_writes_need_csrf(world):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world["la"])
    response = client.post("/api/v1/enrolments/", {"learner": world["la"].pk,
                                                   "course": world["course"].pk})
    assert response.status_code == 403


def test_memberships_add_is_idempotent_and_delete_ends(api, world):
    from lms.units.models import Role

    api.force_authenticate(world["officer_so"])
    payload = {"learner": world["la"].pk, "class_unit": world["class_b"].pk}
    first = api.post("/api/v1/memberships/", payload)
    assert first.status_code == 201
    assert api.post("/api/v1/memberships/", payload).status_code == 200
    assert api.delete(f"/api/v1/memberships/{first.json()['id']}/").status_code == 204
    assert Role.objects.get(pk=first.json()["id"]).ended_at is not None  # ended, not deleted
    # School B's head cannot put school A's learner into class B.
    api.force_authenticate(world["admin_b"])
    response = api.post("/api/v1/memberships/", payload)
    assert response.status_code == 400 and "learner" in response.json()
    # ...nor touch class A.
    response = api.post("/api/v1/memberships/", {"learner": world["lb"].pk,
                                                 "class_unit": world["class_a"].pk})
    assert response.status_code == 400 and "class_unit" in response.json()
