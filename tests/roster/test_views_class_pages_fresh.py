"""Issue 18: the roster import writes names and class memberships with bulk SQL (no post_save),
so it bumps the classes' generation tokens itself (lms/units/generations.py): a teacher's
class view and class grid show a re-import's renames and moves on the very next request."""

import pytest
from django.urls import reverse

from lms.units.models import RoleKind, Unit
from tests.factories import staff_at

from .helpers import student, xlsx_bytes
from .test_services_import import run

pytestmark = pytest.mark.django_db


def test_a_reimport_renames_and_moves_learners_on_the_next_request(client, school,
                                                                    school_admin):
    run(school_admin, school, xlsx_bytes([student(1, **{"Họ và tên": "Vũ Thị Tên Cũ"}),
                                          student(2, **{"Họ và tên": "Đỗ Văn Ở Lại"})]))
    klass = Unit.objects.get(path__startswith=school.path, name="10A1")
    client.force_login(staff_at(school, RoleKind.TEACHER, username="gv.roster"))
    page = reverse("courses:class_detail", args=[klass.pk])
    grid = reverse("reports:class_view_json", args=[klass.pk])
    for _ in range(2):  # warm
        assert "Vũ Thị Tên Cũ" in client.get(page).content.decode()
        assert client.get(grid).json()["totals"]["counted"] == 2

    run(school_admin, school, xlsx_bytes([student(1, **{"Họ và tên": "Vũ Thị Tên Mới"}),
                                          student(2, klass="10A2", **{"Họ và tên": "Đỗ Văn Ở Lại"})]),
        name="lan-2.xlsx")
    body = client.get(page).content.decode()
    assert "Vũ Thị Tên Mới" in body and "Vũ Thị Tên Cũ" not in body  # UPDATE of the names
    assert "Đỗ Văn Ở Lại" not in body  # the membership ended by the bulk UPDATE
    assert client.get(grid).json()["totals"]["counted"] == 1
