"""Defect 8: a merged, inactive unit was still listed as a child showing "Đã đạt"."""

import pytest
from django.urls import reverse

from lms.reports import selectors
from lms.units.models import RoleKind
from lms.units.services import unit_merge
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db


def test_merged_unit_is_not_a_child_on_the_dashboard(client, tree, target):
    learner_in(tree["x1"])
    officer = staff_at(tree["so_a"], RoleKind.OFFICER)
    unit_merge(source=tree["phong"], target=tree["so_a"])
    client.force_login(officer)
    page = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk])
                      + f"?target={target.pk}").content.decode()
    assert "THPT X" in page  # the Phòng's school, now directly under the Sở
    assert "Phòng GD&amp;ĐT A1" not in page and "Phòng GD&ĐT A1" not in page
    children = selectors.children_attainment(tree["so_a"], target)
    assert [a.unit.name for a in children] == ["THPT X", "Tiểu học Z"]
    rows = selectors.subtree_attainment(tree["so_a"], [target])
    assert tree["phong"].pk not in {a.unit.pk for a in rows}
    submissions = client.get(reverse("reports:submissions", args=[tree["so_a"].pk])
                             + "?period=2025-2026").content.decode()
    assert "Phòng GD&amp;ĐT A1" not in submissions
