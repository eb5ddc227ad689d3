"""Issue 19 item 6 on a 390 px phone: the demo's open round (the talent contest's final) lets
`giamkhao.so` score with touch-size inputs, no sideways scrolling and money in Vietnamese; once
judging closes, the sheet shows why and when, read-only."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 800}


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_judge_scores_on_a_phone_and_sees_the_closed_sheet(demo_server, page):
    from lms.contests.demo import TALENT_SLUG
    from lms.contests.models import EntryRound, JudgeAssignment, Round, ScoreSheet
    from lms.contests.services import judging_open

    base = demo_server.url
    final = Round.objects.get(contest__slug=TALENT_SLUG, order=2)
    assignment = JudgeAssignment.objects.select_related("round_unit").get(
        round_unit__round=final, judge__username="giamkhao.so")
    assert judging_open(assignment.round_unit)  # the demo keeps this round open
    entry_round = EntryRound.objects.filter(round_unit=assignment.round_unit).first()

    page.set_viewport_size(PHONE)
    log_in(page, base, "giamkhao.so", f"/cuoc-thi/cham/{assignment.round_unit.pk}/")
    _no_sideways_scroll(page)
    axe_check(page, label="judge's round list at 390 px")
    page.get_by_role("link", name=entry_round.entry.title).click()
    expect(page.locator("main h1")).to_have_text(entry_round.entry.title)
    _no_sideways_scroll(page)
    scores = page.locator("input.score")
    assert scores.count() == final.criteria.count()
    for i in range(scores.count()):
        box = scores.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
        scores.nth(i).fill("8")
    axe_check(page, label="judge's sheet at 390 px")
    page.get_by_role("button", name="Nộp phiếu chấm").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu phiếu chấm")
    assert ScoreSheet.objects.get(entry_round=entry_round,
                                  judge__username="giamkhao.so").submitted_at is not None

    Round.objects.filter(pk=final.pk).update(
        judging_deadline=timezone.now() - datetime.timedelta(minutes=1))
    page.goto(f"{base}/cuoc-thi/cham/bai/{entry_round.pk}/")
    expect(page.locator("#judging-closed")).to_contain_text("Đã hết thời gian chấm")
    assert page.locator("input.score").first.is_disabled()
    assert page.get_by_role("button", name="Nộp phiếu chấm").count() == 0
    _no_sideways_scroll(page)
    axe_check(page, label="closed judge's sheet at 390 px")
