"""Defect 1: moving a unit in the Django admin (change form or drag and drop) bypassed the
service: roles kept stale paths, counters went wrong and a school head saw another province's
pupils. Both admin paths now go through lms.units.services."""

import pytest
from django.urls import reverse

from lms.units.models import Role, Unit, UnitChange

from .reorganise_helpers import (
    AFTER_X_TO_SO_B,
    assert_counters_equal_rebuild,
    figures_of,
)

pytestmark = pytest.mark.django_db


def _change_form_data(unit: Unit, position: str, ref: Unit) -> dict:
    return {"kind": unit.kind_id, "name": unit.name, "code": unit.code or "",
            "admin_code": "", "school_level": unit.school_level, "is_active": "on",
            "school_year": unit.school_year, "grade": unit.grade or "",
            "treebeard_position": position, "treebeard_ref_node": ref.pk, "_save": "1"}


def _head_sees_only_their_own(client, populated, tree):
    client.force_login(populated["head"])
    bo = populated["targets"]["bo"]
    own = [reverse("reports:dashboard", args=[tree["school_x"].pk]),
           reverse("reports:class_view_json", args=[tree["x1"].pk])]
    other = [reverse("reports:dashboard", args=[tree["school_y"].pk]),
             reverse("reports:dashboard", args=[tree["primary"].pk]),
             reverse("reports:not_trained", args=[tree["school_y"].pk, bo.pk]),
             reverse("reports:class_view_json", args=[tree["y1"].pk])]
    assert [client.get(url).status_code for url in own] == [200, 200]
    assert [client.get(url).status_code for url in other] == [404] * len(other)


def test_admin_change_form_move_keeps_roles_and_counters_right(admin_client, client, populated,
                                                               tree):
    school = tree["school_x"]
    url = reverse("admin:units_unit_change", args=[school.pk])
    assert admin_client.get(url).status_code == 200
    # "First child of Sở B": the service appends it instead, so Sở B's schools keep their paths.
    y_path = Unit.objects.get(pk=tree["school_y"].pk).path
    response = admin_client.post(url, _change_form_data(school, "first-child", tree["so_b"]))
    assert response.status_code == 302, response.content[:2000]
    moved = Unit.objects.get(pk=school.pk)
    assert moved.get_parent().pk == tree["so_b"].pk
    assert Unit.objects.get(pk=tree["school_y"].pk).path == y_path
    assert {r.unit_path for r in Role.objects.filter(unit=school)} == {moved.path}
    assert all(r.unit_path == r.unit.path for r in Role.objects.select_related("unit"))
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    assert UnitChange.objects.get().actor.username == "admin"
    _head_sees_only_their_own(client, populated, tree)
    assert_counters_equal_rebuild()


def test_admin_change_form_refuses_a_move_into_a_class(admin_client, populated, tree):
    school = tree["school_x"]
    url = reverse("admin:units_unit_change", args=[school.pk])
    response = admin_client.post(url, _change_form_data(school, "first-child", tree["y1"]))
    assert response.status_code == 200
    assert "bên dưới một lớp học" in response.content.decode()
    assert Unit.objects.get(pk=school.pk).get_parent().pk == tree["phong"].pk


def test_admin_change_form_edits_fields_without_moving(admin_client, populated, tree):
    school = tree["school_x"]
    url = reverse("admin:units_unit_change", args=[school.pk])
    data = _change_form_data(school, "first-child", tree["phong"])
    data["name"] = "THPT X (mới)"
    assert admin_client.post(url, data).status_code == 302
    assert Unit.objects.get(pk=school.pk).name == "THPT X (mới)"
    assert not UnitChange.objects.exists()


def test_admin_add_form_creates_a_child(admin_client, tree):
    url = reverse("admin:units_unit_add")
    data = _change_form_data(tree["school_y"], "first-child", tree["so_b"])
    data.update(name="THPT Mới", code="THPT-MOI")
    assert admin_client.post(url, data).status_code == 302
    assert Unit.objects.get(code="THPT-MOI").get_parent().pk == tree["so_b"].pk


def test_admin_drag_and_drop_move_goes_through_the_service(admin_client, client, populated,
                                                           tree):
    move_url = reverse("admin:units_unit_changelist") + "move/"
    response = admin_client.post(move_url, {"node_id": tree["school_x"].pk,
                                            "sibling_id": tree["school_y"].pk, "as_child": 0})
    assert response.status_code == 200
    assert Unit.objects.get(pk=tree["school_x"].pk).get_parent().pk == tree["so_b"].pk
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    _head_sees_only_their_own(client, populated, tree)
    assert_counters_equal_rebuild()


def test_admin_drag_and_drop_refusals_are_400_not_500(admin_client, tree):
    move_url = reverse("admin:units_unit_changelist") + "move/"
    into_class = admin_client.post(move_url, {"node_id": tree["school_x"].pk,
                                              "sibling_id": tree["x1"].pk, "as_child": 1})
    beside_root = admin_client.post(move_url, {"node_id": tree["school_x"].pk,
                                               "sibling_id": tree["bo"].pk, "as_child": 0})
    bad_id = admin_client.post(move_url, {"node_id": "abc", "sibling_id": tree["bo"].pk})
    assert [into_class.status_code, beside_root.status_code, bad_id.status_code] == [400, 400,
                                                                                     404]
    assert Unit.objects.get(pk=tree["school_x"].pk).get_parent().pk == tree["phong"].pk
