"""XLSX exports open with openpyxl and carry the figures."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.contests.models import EntryRound
from lms.contests.services import judging
from lms.contests.services.promotion import round_unit_publish

from .factories import close_submissions, make_entry, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(contest_env):
    env = contest_env
    e1 = make_entry(env, "a1", submit=True, title="Một")
    e2 = make_entry(env, "a2", submit=True, title="Hai")
    close_submissions(env["rounds"]["school"])
    ru = EntryRound.objects.get(entry=e1).round_unit
    for key in ("judge_a", "judge_a2"):
        judging.judge_assign(actor=env["admin_a"], round_unit=ru, username=env[key].username)
    score(env["judge_a"], EntryRound.objects.get(entry=e1), [10, 10, 10])
    score(env["judge_a"], EntryRound.objects.get(entry=e2), [5, 5, 5])
    score(env["judge_a2"], EntryRound.objects.get(entry=e1), [4, 4, 4])
    score(env["judge_a2"], EntryRound.objects.get(entry=e2), [2, 2, 2])
    round_unit_publish(actor=env["admin_a"], round_unit=ru)
    return {**env, "ru": ru}


def test_round_export_has_entries_and_every_judges_scores(client, published):
    client.force_login(published["admin_a"])
    response = client.get(reverse("contests:export_round", args=[published["ru"].pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    entries, scores = book.worksheets
    rows = [r for r in entries.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    assert [(r[2], r[10], r[11]) for r in rows] == [("Một", 1, "Đi tiếp"), ("Hai", 2, None)]
    assert rows[0][8] == pytest.approx(70.0)  # raw mean of 100 and 40
    assert rows[0][9] == pytest.approx(1.0)  # z-score: first for both judges
    header = [c.value for c in scores[4]]
    assert header[3].startswith("Tính mới") and "×3" in header[3]
    sheet_rows = [r for r in scores.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    assert len(sheet_rows) == 4
    judge_a = published["judge_a"].get_full_name()
    assert ("Một", judge_a, 10, 100.0) in {(r[1], r[2], r[3], r[6]) for r in sheet_rows}


def test_report_xlsx(client, published):
    client.force_login(published["officer_so"])
    response = client.get(reverse("contests:report", args=[published["contest"].slug]),
                          {"dinh_dang": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert [s.title for s in book.worksheets] == ["Theo vòng", "Theo trường",
                                                  "Theo cấp quản lý", "Đi tiếp và đạt giải"]
    schools = [r for r in book["Theo trường"].iter_rows(min_row=5, values_only=True)
               if r[0] is not None]
    assert schools == [("Trường THCS A", "Phòng GD&ĐT Thủy Nguyên", 0, 2, 2, 1, 0)]
    winners = [r for r in book["Đi tiếp và đạt giải"].iter_rows(min_row=5, values_only=True)
               if r[0] is not None]
    assert [w[3] for w in winners] == ["Một"]
