import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from lms.clubs.panels import club_panel_html
from lms.clubs.services.activities import activity_save
from lms.clubs.terms import term_parse

from .conftest import DAY

pytestmark = pytest.mark.django_db
TERM = "2025-2026-1"


@pytest.fixture
def data(members):
    activity_save(actor=members["teacher_b"], club=members["club"], date=DAY, title="Tọa đàm",
                  present_ids=[members["learner_b"].pk])
    return members


def test_officer_sees_subtree_counts(client, data):
    client.force_login(data["officer_so"])
    response = client.get(reverse("clubs:report"), {"term": TERM})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="fig-clubs">1<' in html and 'id="fig-members">2<' in html
    assert 'id="fig-rate">50' in html
    assert data["school_a"].name in html  # a school without clubs is listed with zeros


def test_report_scoping(client, data):
    url = reverse("clubs:report")
    client.force_login(data["officer_phong"])  # Phòng does not hold school B
    assert client.get(url, {"don-vi": data["school_b"].pk}).status_code == 404
    assert client.get(url, {"unit": data["school_b"].pk}).status_code == 404  # the old name
    assert client.get(url, {"don-vi": data["so"].pk}).status_code == 404
    assert client.get(reverse("clubs:report_export"),
                      {"unit": data["school_b"].pk}).status_code == 404
    html = client.get(url, {"hoc-ky": TERM}).content.decode()
    assert data["school_b"].name not in html and data["school_a"].name in html
    assert 'name="hoc-ky"' in html and 'name="don-vi"' in html
    for who in ("teacher_b", "learner_b"):
        client.force_login(data[who])
        assert client.get(url).status_code == 404
    client.force_login(data["admin_b"])
    assert client.get(url, {"term": TERM}).status_code == 200
    assert client.get(url, {"unit": data["so"].pk}).status_code == 404


def test_xlsx_export(client, data):
    client.force_login(data["officer_so"])
    response = client.get(reverse("clubs:report_export"), {"term": TERM})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = {r[1]: r for r in book.worksheets[0].iter_rows(min_row=5, values_only=True)}
    assert rows[data["school_b"].name][3:8] == (1, 2, 2, 1, 50.0)
    assert rows[data["school_a"].name][3] == 0


def test_report_panel(data):
    html = club_panel_html(data["so"], term_parse(TERM))
    assert "Câu lạc bộ khởi nghiệp" in html and escape(data["phong"].name) in html
    assert "50" in html
