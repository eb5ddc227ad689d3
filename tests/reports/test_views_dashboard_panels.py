"""Features add their panels to the officer dashboard through lms.reports.panels (issue 17
item 10): reports/dashboard.html loads no feature's template tags."""

import pytest
from django.urls import reverse

from lms.reports import panels
from lms.units.models import RoleKind
from tests.factories import staff_at

pytestmark = pytest.mark.django_db


def test_clubs_and_recognition_register_their_panels():
    assert [p.name for p in panels.dashboard_panels()][:2] == ["clubs", "recognition"]


def test_dashboard_shows_registered_panels_where_they_apply(client, tree, target, monkeypatch):
    monkeypatch.setattr(panels, "_panels", dict(panels._panels))
    panels.dashboard_panel_register(
        "probe", lambda request, unit: "" if unit.kind.is_class else f"<p>probe {unit.pk}</p>")
    officer = staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-panels")
    client.force_login(officer)
    body = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk])).content.decode()
    assert f"<p>probe {tree['so_a'].pk}</p>" in body
    assert f'id="clb-report-{tree["so_a"].pk}"' in body  # the clubs panel
    assert f'id="recog-report-{tree["so_a"].pk}"' in body  # the recognition panel
    body = client.get(reverse("reports:dashboard", args=[tree["x1"].pk])).content.decode()
    assert "probe" not in body and 'id="clb-report-' not in body


def test_reports_template_loads_no_feature_tags():
    from pathlib import Path

    from django.conf import settings

    template = Path(settings.BASE_DIR, "templates/reports/dashboard.html").read_text()
    assert "clubs_tags" not in template and "recognition_tags" not in template
