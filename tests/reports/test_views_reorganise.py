"""Reorganisation as an officer-facing feature: preview (nothing applied), confirm (through the
service, audited), history with the figures frozen under the old unit names."""

import pytest
from django.urls import reverse

from lms.reports.models import ReorganisationSnapshot
from lms.units.models import RoleKind, Unit, UnitChange
from tests.factories import staff_at

from .reorganise_helpers import AFTER_X_TO_SO_B, assert_counters_equal_rebuild, figures_of

pytestmark = pytest.mark.django_db


def _post(client, name, unit, **data):
    return client.post(reverse(f"reports:{name}", args=[unit.pk]), data)


def test_preview_shows_what_moves_and_changes_nothing(client, populated, tree):
    client.force_login(staff_at(tree["bo"], RoleKind.OFFICER))
    assert client.get(reverse("reports:reorganise", args=[tree["school_x"].pk])).status_code == 200
    response = _post(client, "reorganise_preview", tree["school_x"], action="move",
                     destination=tree["so_b"].pk)
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 lớp" in page and "4 người học" in page
    assert "Sở GD&amp;ĐT A" in page and "1/4" in page  # Sở A, the so-a target: 1/4 → 0/0
    assert Unit.objects.get(pk=tree["school_x"].pk).get_parent().pk == tree["phong"].pk
    assert not UnitChange.objects.exists() and not ReorganisationSnapshot.objects.exists()
    assert_counters_equal_rebuild()


def test_confirm_moves_audits_and_keeps_history_under_old_names(client, populated, tree):
    officer = staff_at(tree["bo"], RoleKind.OFFICER, full_name="Cán bộ Bộ")
    client.force_login(officer)
    response = _post(client, "reorganise_confirm", tree["school_x"], action="move",
                     destination=tree["so_b"].pk)
    assert response.status_code == 302
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    change = UnitChange.objects.get()
    assert (change.actor, change.action, change.units_moved) == (officer, "move", 3)
    frozen = ReorganisationSnapshot.objects.get(change=change, unit=tree["so_a"],
                                                target=populated["targets"]["so_a"])
    assert (frozen.unit_name, frozen.population, frozen.trained) == ("Sở GD&ĐT A", 5, 2)
    Unit.objects.filter(pk=tree["phong"].pk).update(name="Phòng (đổi tên)")
    page = client.get(reverse("reports:reorganise_history", args=[tree["so_a"].pk])
                      ).content.decode()
    assert "Phòng GD&amp;ĐT A1" in page and "Cán bộ Bộ" in page
    dashboard = client.get(reverse("reports:dashboard", args=[tree["so_b"].pk])).content.decode()
    assert reverse("reports:reorganise_history", args=[tree["so_b"].pk]) in dashboard


def test_merge_through_the_pages(client, populated, tree):
    client.force_login(staff_at(tree["bo"], RoleKind.OFFICER))
    response = _post(client, "reorganise_confirm", tree["phong"], action="merge",
                     destination=tree["so_b"].pk)
    assert response.status_code == 302
    assert Unit.objects.get(pk=tree["phong"].pk).merged_into_id == tree["so_b"].pk
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B


def test_officer_must_cover_both_unit_and_destination(client, populated, tree):
    client.force_login(staff_at(tree["so_a"], RoleKind.OFFICER))
    response = _post(client, "reorganise_confirm", tree["school_x"], action="move",
                     destination=tree["so_b"].pk)
    assert response.status_code == 400  # Sở B is not a destination this officer may choose
    assert Unit.objects.get(pk=tree["school_x"].pk).get_parent().pk == tree["phong"].pk
    assert _post(client, "reorganise_confirm", tree["school_y"], action="move",
                 destination=tree["so_a"].pk).status_code == 404


def test_teachers_heads_and_strangers_get_404(client, populated, tree):
    for user in (populated["teacher"], populated["head"]):
        client.force_login(user)
        assert client.get(reverse("reports:reorganise", args=[tree["school_x"].pk])
                          ).status_code == 404
        assert _post(client, "reorganise_preview", tree["school_x"], action="move",
                     destination=tree["so_b"].pk).status_code == 404


def test_bad_input_is_a_400_and_get_is_not_a_change(client, populated, tree):
    client.force_login(staff_at(tree["bo"], RoleKind.OFFICER))
    for data in ({}, {"action": "explode", "destination": tree["so_b"].pk},
                 {"action": "move", "destination": "abc"},
                 {"action": "move", "destination": tree["x1"].pk}):
        assert _post(client, "reorganise_preview", tree["school_x"], **data).status_code == 400
    assert client.get(reverse("reports:reorganise_confirm", args=[tree["school_x"].pk])
                      ).status_code == 405
    assert not UnitChange.objects.exists()
