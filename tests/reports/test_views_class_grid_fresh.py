"""Issue 18: the class grid, its JSON and the teacher's class view are kept rendered under the
class's generation tokens (lms/units/generations.py) instead of a fingerprint query over the
class's roster, enrolments and progress on every request. Each path that changes what they
show must bump them: each test warms the pages, changes one thing through that path, and
expects the change on the very next request."""

import pytest
from django.urls import reverse

from courses.services import class_enrol, enrolment_create
from lms.units.models import Role, RoleKind
from lms.units.services import role_end, unit_move, unit_update
from tests.factories import UnitFactory, UnitKindFactory, learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client, tree, courses):
    """A teacher at THPT X with the three class pages of 12A1 warm (twice each)."""
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-fresh")
    client.force_login(teacher)
    klass = tree["x1"].pk
    urls = {"grid": reverse("reports:class_view", args=[klass]),
            "json": reverse("reports:class_view_json", args=[klass]),
            "class": reverse("courses:class_detail", args=[klass])}

    def warm():
        for url in urls.values():
            assert client.get(url).status_code == 200
            assert client.get(url).status_code == 200

    def read() -> dict:
        return {"grid": client.get(urls["grid"]).content.decode(),
                "json": client.get(urls["json"]).json(),
                "class": client.get(urls["class"]).content.decode()}

    return warm, read


def _learner_row(payload, user) -> dict | None:
    return next((r for r in payload["learners"] if r["id"] == user.pk), None)


def test_a_new_learner_role_shows_on_the_next_request(tree, pages):
    warm, read = pages
    warm()
    assert read()["json"]["totals"]["counted"] == 0
    learner_in(tree["x1"], full_name="Trần Thị Mới Vào")
    seen = read()
    assert seen["json"]["totals"]["counted"] == 1  # no course yet: no rows, but counted
    assert "Trần Thị Mới Vào" in seen["class"]


def test_an_ended_learner_role_shows_on_the_next_request(tree, courses, pages):
    leaver = learner_in(tree["x1"], full_name="Lê Văn Chuyển Đi")
    enrolment_create(user=leaver, course=courses[0][0])
    warm, read = pages
    warm()
    role_end(role=Role.objects.get(user=leaver, kind=RoleKind.LEARNER))
    seen = read()
    assert _learner_row(seen["json"], leaver) is None
    assert "Lê Văn Chuyển Đi" not in seen["grid"] and "Lê Văn Chuyển Đi" not in seen["class"]


def test_an_enrolment_shows_on_the_next_request(tree, courses, pages):
    learner = learner_in(tree["x1"])
    warm, read = pages
    warm()
    assert read()["json"]["course"] is None  # nobody enrolled yet
    enrolment_create(user=learner, course=courses[0][0])
    seen = read()
    assert seen["json"]["course"]["id"] == courses[0][0].pk
    assert _learner_row(seen["json"], learner)["enrolled"] is True


def test_a_class_enrolment_shows_on_the_next_request(client, tree, courses, pages):
    learners = [learner_in(tree["x1"]) for _ in range(2)]
    enrolment_create(user=learners[0], course=courses[1][0])
    warm, read = pages
    warm()
    class_enrol(actor=staff_at(tree["school_x"], RoleKind.TEACHER), class_unit=tree["x1"],
                course=courses[0][0])  # bulk_create: no post_save
    seen = read()
    assert seen["json"]["course"]["id"] == courses[0][0].pk  # now the most enrolled
    assert all(_learner_row(seen["json"], u)["enrolled"] for u in learners)
    assert "<td>2</td>" in seen["class"]  # learners[0]'s enrolment count on the class view


def test_a_progress_write_shows_on_the_next_request(tree, courses, pages):
    learner = learner_in(tree["x1"])
    enrolment_create(user=learner, course=courses[0][0])
    warm, read = pages
    warm()
    assert read()["json"]["totals"]["completed"] == 0
    complete(learner, courses[0])
    seen = read()
    assert seen["json"]["totals"]["completed"] == 1
    assert _learner_row(seen["json"], learner)["state"] == "completed"
    assert "c-completed" in seen["grid"]


def test_a_learner_rename_shows_on_the_next_request(tree, courses, pages):
    learner = learner_in(tree["x1"], full_name="Phạm Văn Cũ")
    enrolment_create(user=learner, course=courses[0][0])
    warm, read = pages
    warm()
    learner.full_name = "Phạm Văn Mới"
    learner.save()
    seen = read()
    assert _learner_row(seen["json"], learner)["name"] == "Phạm Văn Mới"
    assert "Phạm Văn Mới" in seen["grid"] and "Phạm Văn Mới" in seen["class"]
    assert "Phạm Văn Cũ" not in seen["grid"] + seen["class"]


def test_a_class_renamed_in_the_admin_shows_on_the_next_request(tree, pages):
    warm, read = pages
    warm()
    unit_update(unit=tree["x1"], name="Lớp 12A1 Chuyên Toán")  # a QuerySet update
    seen = read()
    assert seen["json"]["class"]["name"] == "Lớp 12A1 Chuyên Toán"
    assert "Lớp 12A1 Chuyên Toán" in seen["grid"] and "Lớp 12A1 Chuyên Toán" in seen["class"]


def test_a_class_moved_to_another_school_leaves_the_teacher_at_once(client, tree, pages):
    """The class's path is read from this worker's copy under the tokens: a move (treebeard
    rewrites paths without save()) must retire it, or the old school's teacher keeps access."""
    warm, _read = pages
    warm()
    unit_move(unit=tree["x1"], new_parent=tree["school_y"])
    urls = [reverse(name, args=[tree["x1"].pk]) for name in (
        "reports:class_view", "reports:class_view_json", "courses:class_detail")]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]


def test_a_reorganisation_moves_the_breadcrumbs_on_the_next_request(client, tree):
    """The school moves to another district office: an officer's grid breadcrumbs follow."""
    new_office = UnitFactory(parent=tree["so_a"], name="Phòng GD&ĐT Mới Lập",
                             kind=UnitKindFactory(code="district_office"))
    client.force_login(staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-fresh"))
    url = reverse("reports:class_view", args=[tree["x1"].pk])
    assert "Phòng GD&amp;ĐT A1" in client.get(url).content.decode()
    assert "Phòng GD&amp;ĐT A1" in client.get(url).content.decode()
    unit_move(unit=tree["school_x"], new_parent=new_office)
    grid = client.get(url).content.decode()
    assert "Phòng GD&amp;ĐT Mới Lập" in grid and "Phòng GD&amp;ĐT A1" not in grid


def test_the_dashboards_unit_follows_a_rename_and_a_merge_on_the_next_request(client, tree,
                                                                              target):
    """The officer dashboard reads its unit from the worker's copy under the units' token:
    the admin's rename (a QuerySet update) and a merge (the unit goes inactive) retire it."""
    from lms.units.services import unit_merge

    client.force_login(staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-unit"))
    url = reverse("reports:dashboard", args=[tree["phong"].pk])
    for _ in range(2):
        assert "Tổ chức lại đơn vị" in client.get(url).content.decode()
    unit_update(unit=tree["phong"], name="Phòng GD&ĐT Đổi Tên")
    body = client.get(url).content.decode()
    assert "Phòng GD&amp;ĐT Đổi Tên" in body
    other = UnitFactory(parent=tree["so_a"], name="Phòng GD&ĐT Nhận",
                        kind=UnitKindFactory(code="district_office"))
    unit_merge(source=tree["phong"], target=other)
    assert "Tổ chức lại đơn vị" not in client.get(url).content.decode()  # inactive now
