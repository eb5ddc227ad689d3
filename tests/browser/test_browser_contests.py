"""The contest main path in a real browser: a THCS Thủy Nguyên learner creates and submits an
idea; the school round's judge scores it and the Phòng officer publishes, which promotes it to
the district round; the district judge scores it and the officer publishes again, which moves it
to the Sở's (province) round. Time passing (deadlines) is simulated by moving round dates."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

LEARNER = "hs.hpthcstn9a20252026.01"
TEAMMATE = "hs.hpthcstn9a20252026.02"
TITLE = "Máy sấy nông sản bằng năng lượng mặt trời"


def _log_in(page, base: str, username: str, next_url: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username, next_url)


def _close_submissions(contest, order: int) -> None:
    contest.rounds.filter(order=order).update(
        submission_deadline=timezone.now() - datetime.timedelta(minutes=1))


def _score(page, base, username, round_unit, values):
    _log_in(page, base, username, f"/cuoc-thi/cham/{round_unit.pk}/")
    expect(page.locator("main h1")).to_contain_text(round_unit.unit.name)
    page.get_by_role("link", name=TITLE).click()
    for label, value in values.items():
        page.get_by_label(label).fill(str(value))
    axe_check(page, label=f"judge sheet ({round_unit.round.name})")
    page.get_by_role("button", name="Nộp phiếu chấm").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu phiếu chấm")


def _publish(page, base, round_unit):
    _log_in(page, base, "canbo.phong", f"/cuoc-thi/to-chuc/{round_unit.pk}/")
    expect(page.locator("main h1")).to_contain_text(round_unit.unit.name)
    axe_check(page, label=f"organiser page ({round_unit.round.name})")
    force = page.get_by_label("Công bố dù chưa chấm xong")
    if force.count():
        force.check()
    page.get_by_role("button", name="Công bố kết quả").click()
    expect(page.locator(".messages")).to_contain_text("Đã công bố kết quả")


def test_entry_goes_from_school_through_district_to_province(demo_server, page):
    from lms.contests.demo import SLUG
    from lms.contests.models import Contest, Entry, EntryRound, EntryStatus

    base = demo_server.url
    contest = Contest.objects.get(slug=SLUG)

    # 1. The learner starts an entry, completes it and submits.
    _log_in(page, base, LEARNER, f"/cuoc-thi/{SLUG}/")
    expect(page.locator("main h1")).to_contain_text("Học sinh, sinh viên với ý tưởng khởi nghiệp")
    axe_check(page, label="contest page")
    page.get_by_label("Tên ý tưởng").fill(TITLE)
    page.get_by_role("button", name="Tạo bài dự thi").click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    page.get_by_label("Tóm tắt").fill("Máy sấy dùng tấm thu nhiệt và quạt nhỏ chạy pin mặt trời.")
    page.get_by_label("Vấn đề cần giải quyết").fill("Nông sản phơi ngoài trời dễ hỏng khi mưa.")
    page.get_by_label("Giải pháp").fill("Buồng sấy kính, khay inox, quạt 12V.")
    page.get_by_label("Thị trường và khách hàng").fill("Hộ trồng rau màu ở Thủy Nguyên.")
    page.get_by_label("Giáo viên hướng dẫn").select_option(label="Bùi Thị Lan")
    page.get_by_label("Khoản mục dòng 1").fill("Tấm kính cường lực")
    page.get_by_label("Số lượng dòng 1").fill("2")
    page.get_by_label("Đơn giá dòng 1").fill("450000")
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
    page.get_by_label("Tên đăng nhập hoặc mã học sinh của bạn cùng nhóm").fill(TEAMMATE)
    page.get_by_role("button", name="Thêm thành viên").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm thành viên")
    axe_check(page, label="entry edit page")
    page.get_by_role("button", name="Nộp bài dự thi").click()
    expect(page.locator(".messages")).to_contain_text("Đã nộp bài dự thi")
    entry = Entry.objects.get(title=TITLE)
    assert entry.status == EntryStatus.SUBMITTED and entry.members.count() == 2
    school_round = EntryRound.objects.get(entry=entry, round__order=1).round_unit
    assert school_round.unit.code == "HP-THCS-TN"

    # 2. School round: submissions close, the school's judge scores, the officer publishes.
    _close_submissions(contest, 1)
    scores = {"Tính mới, sáng tạo (0–10)": 9, "Tính khả thi (0–10)": 8,
              "Tác động xã hội (0–10)": 9, "Trình bày (0–10)": 8}
    _score(page, base, "giamkhao.thcs", school_round, scores)
    _publish(page, base, school_round)
    district = EntryRound.objects.get(entry=entry, round__order=2)
    assert district.round_unit.unit.code == "PHONG-HP-TN"

    # 3. District round at the Phòng: its judge scores, the officer publishes.
    _close_submissions(contest, 2)
    _score(page, base, "giamkhao.phong", district.round_unit, scores)
    _publish(page, base, district.round_unit)
    province = EntryRound.objects.get(entry=entry, round__order=3)
    assert province.round_unit.unit.code == "SO-31"

    # 4. The learner sees the way their idea came, and the public results list it.
    _log_in(page, base, LEARNER, f"/cuoc-thi/bai/{entry.pk}/")
    history = page.locator("main section").filter(has_text="Các vòng đã tham gia")
    expect(history).to_contain_text("Vòng Sở GD&ĐT — Sở GD&ĐT")
    expect(history).to_contain_text("Vòng Phòng GD&ĐT — Phòng GD&ĐT Thủy Nguyên: Đi tiếp")
    page.goto(f"{base}/cuoc-thi/{SLUG}/ket-qua/")
    expect(page.locator("main")).to_contain_text(TITLE)
    axe_check(page, label="public results")
