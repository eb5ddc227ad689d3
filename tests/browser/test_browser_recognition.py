"""Learning-citizen recognition in a real browser: (1) an adult without a school registers at
their commune's community learning centre and signs in again with their phone number;
(2) the Đồng Nai officer reviews the 2025 candidates, confirms one, and the public list of
Phường Biên Hòa shows them."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def _log_in(page, base: str, username: str, password: str, next_url: str = "") -> None:
    log_in(page, base, username, next_url, password=password)


def test_adult_registers_and_signs_in_with_phone(demo_server, page):
    from lms.accounts.models import User
    from lms.units.models import Role

    base = demo_server.url
    page.goto(f"{base}/cong-dan-hoc-tap/")
    axe_check(page, label="recognition index")
    page.get_by_role("link", name="Đăng ký học tập tại xã/phường").click()
    expect(page.locator("main h1")).to_have_text("Đăng ký học tập tại xã/phường")
    axe_check(page, label="adult registration")
    page.get_by_label("Họ và tên").fill("Đinh Thị Mơ")
    page.get_by_label("Số điện thoại").fill("0912000101")  # a demo adult's number
    page.get_by_label("Ngày sinh").fill("1985-03-08")
    page.get_by_label("Xã/phường nơi bạn sinh sống").select_option(label="UBND Phường Biên Hòa")
    page.get_by_label("Mật khẩu").fill("hoc-suot-doi-2025")
    page.get_by_role("button", name="Đăng ký").click()
    expect(page.get_by_text("Số điện thoại này đã được đăng ký. Hãy đăng nhập.")).to_be_visible()
    axe_check(page, label="adult registration with errors")

    page.get_by_label("Số điện thoại").fill("+84 913 222 333")
    page.get_by_label("Mật khẩu").fill("hoc-suot-doi-2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng ký").click()
    expect(page.locator(".messages")).to_contain_text("0913222333")
    user = User.objects.get(phone="0913222333")
    role = Role.objects.select_related("unit__kind").get(user=user)
    assert role.unit.name == "Trung tâm học tập cộng đồng Phường Biên Hòa"

    page.locator("header").get_by_role("button", name="Đăng xuất").click()
    _log_in(page, base, "0913 222 333", "hoc-suot-doi-2025")
    expect(page.locator("header .who")).to_have_text("Đinh Thị Mơ")


def test_officer_confirms_candidate_and_public_list_shows_them(demo_server, page):
    from lms.recognition.models import Candidate, CandidateStatus

    base = demo_server.url
    _log_in(page, base, "canbo.dongnai", settings.HOCMO_DEMO_PASSWORD, "/cong-dan-hoc-tap/")
    page.get_by_role("link", name="Sở GD&ĐT Đồng Nai").first.click()
    page.get_by_role("link", name="Năm trước").click()
    expect(page.locator("main h1")).to_contain_text("Xét duyệt công nhận năm 2025")
    axe_check(page, label="recognition review")
    row = page.get_by_role("row", name="Lê Thị Thu")
    expect(row).to_contain_text("2 khóa học")
    row.get_by_role("button", name="Công nhận Lê Thị Thu").click()
    expect(page.locator(".messages")).to_contain_text("Đã công nhận: Lê Thị Thu.")
    candidate = Candidate.objects.get(display_name="Lê Thị Thu", year=2025)
    assert candidate.status == CandidateStatus.CONFIRMED and candidate.certificate_id

    page.get_by_role("link", name="Số liệu").click()
    expect(page.get_by_role("table")).to_contain_text("UBND Phường Biên Hòa")
    axe_check(page, label="recognition counts")

    page.goto(f"{base}/cong-dan-hoc-tap/XA-26068/2025/")
    section = page.get_by_role("region", name="Công dân học tập (2)")
    expect(section).to_contain_text("Lê Thị Thu")
    expect(section).to_contain_text("Trần Văn Hải")
    expect(page.locator("main")).not_to_contain_text("0912000102")
    axe_check(page, label="public list")
