"""The gradebook: states and scores in the grid, averages, the CSV and XLSX in the shape
Vietnamese schools use, and the page's SQL count pinned whatever the class's size."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.classroom import services
from lms.classroom.gradebook import gradebook
from lms.classroom.selectors import Status
from tests.factories import learner_in

from .factories import make_assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked(world):
    a = world["assignment"]
    for learner, score in ((world["an"], "8.5"), (world["binh"], "7")):
        submission = services.submission_hand_in(actor=learner, assignment=a, text="x")
        services.submission_mark(actor=world["teacher"], submission=submission,
                                 score=Decimal(score), comment="")
    make_assignment(world["class"], world["teacher"], title="Bài tập 2",
                    learners=[world["binh"]])
    return world


def test_grid_states_scores_and_averages(marked):
    later = timezone.now() + dt.timedelta(days=30)
    grid = gradebook(marked["class"], now=later)
    assert [a.title for a in grid.assignments] == ["Bài tập 1", "Bài tập 2"]
    by_name = {row.learner.full_name: row for row in grid.rows}
    an, binh = by_name["Nguyễn Minh An"], by_name["Lê Văn Bình"]
    assert [c.status for c in an.cells] == [Status.RETURNED, "none"]
    assert [c.status for c in binh.cells] == [Status.RETURNED, Status.MISSING]
    assert an.average == Decimal("8.5") and binh.average == Decimal("7.0")
    assert grid.column_averages == [Decimal("7.8"), None]


def test_page_shows_decimal_comma_and_export_links(marked):
    client = Client()
    client.force_login(marked["teacher"])
    page = client.get(reverse("classroom:gradebook", args=[marked["class"].pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "8,5" in html and "7,8" in html
    assert reverse("classroom:gradebook_xlsx", args=[marked["class"].pk]) in html


def test_csv_has_semicolons_and_decimal_commas(marked):
    client = Client()
    client.force_login(marked["teacher"])
    response = client.get(reverse("classroom:gradebook_csv", args=[marked["class"].pk]))
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "STT;Họ và tên;Bài tập 1;Bài tập 2;ĐTB"
    # Vietnamese name order: by given name (An before Bình)
    assert lines[1] == "1;Nguyễn Minh An;8,5;;8,5"
    assert lines[2] == "2;Lê Văn Bình;7;;7"
    assert lines[-1].startswith(";Trung bình;7,8")
    assert response["Content-Disposition"].endswith('.csv"')


def test_xlsx_holds_numbers(marked):
    from openpyxl import load_workbook

    client = Client()
    client.force_login(marked["teacher"])
    response = client.get(reverse("classroom:gradebook_xlsx", args=[marked["class"].pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("SỔ ĐIỂM BÀI TẬP")
    assert [c.value for c in sheet[4]] == ["STT", "Họ và tên", "Bài tập 1", "Bài tập 2", "ĐTB"]
    assert sheet["B5"].value == "Nguyễn Minh An"
    assert sheet["C5"].value == 8.5 and sheet["E5"].value == 8.5 and sheet["C6"].value == 7


def test_gradebook_sql_is_pinned_whatever_the_size(world):
    """45 learners × 40 assignments (some for chosen learners) costs the same queries as a
    small class, 6 at most: the user's roles, the class, then the grid's four (learners,
    assignments, chosen learners, hand-ins)."""
    unit, teacher = world["class"], world["teacher"]
    learners = [learner_in(unit) for _ in range(43)]
    for number in range(40):
        chosen = learners[:10] if number % 8 == 0 else None
        make_assignment(unit, teacher, title=f"Bài {number}", learners=chosen)
    client = Client()
    client.force_login(teacher)
    url = reverse("classroom:gradebook", args=[unit.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") >= 45
    grid_queries = [q["sql"] for q in queries.captured_queries]
    assert len(grid_queries) <= 6, "\n".join(grid_queries)
