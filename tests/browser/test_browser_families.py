"""The families main path in a real browser: the teacher (giaovien) makes a link code for a
learner of class 12A1, a new parent registers with it, and sees the child's progress and the
class news photo — axe-core on every page, the parent pages within the 150 KB budget."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

CHILD = "Nguyễn Minh An"


def _log_in(page, base: str, username: str) -> None:
    log_in(page, base, username, "/phu-huynh/")


def test_teacher_code_parent_registers_and_sees_child(demo_server, page, byte_budget):
    from lms.accounts.models import GuardianLink

    base = demo_server.url
    # --- Teacher: families page of class 12A1, make a code for the demo learner. -------------
    _log_in(page, base, "giaovien")
    expect(page.locator("main h1")).to_have_text("Con của tôi")
    page.locator("main").get_by_role("link", name="Lớp 12A1", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Phụ huynh học sinh — Lớp 12A1")
    axe_check(page, label="class families (teacher)")
    page.get_by_role("button", name=f"Tạo mã cho {CHILD}").click()
    expect(page.locator("main h1")).to_have_text("Phiếu mã liên kết phụ huynh")
    axe_check(page, label="link slip (teacher)")
    code = page.get_by_test_id("link-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code), code
    page.locator("header").get_by_role("button", name="Đăng xuất").click()

    # --- New parent registers with the code. -------------------------------------------------
    page.goto(f"{base}/phu-huynh/dang-ky/")
    axe_check(page, label="parent register")
    page.get_by_label("Mã liên kết").fill(code)
    page.get_by_label("Họ và tên").fill("Trần Thị Mai")
    page.get_by_label("Số điện thoại").fill("0977 123 456")
    page.get_by_label("Mật khẩu").fill("mai-hoc-cung-con-2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng ký").click()
    expect(page).to_have_url(f"{base}/phu-huynh/")
    expect(page.locator("header .who")).to_have_text("Trần Thị Mai")
    assert GuardianLink.objects.filter(guardian__phone="0977123456",
                                       learner__username="hocsinh").exists()

    # --- Parent home: the child's courses with progress and the class news photo. -------------
    main = page.locator("main")
    expect(main.get_by_role("heading", name=CHILD)).to_be_visible()
    expect(main.locator("progress").first).to_be_visible()
    expect(main.get_by_role("progressbar", name=re.compile("Tiến độ khóa")).first).to_be_visible()
    expect(main).to_contain_text("Tuần này:")
    photo = main.locator("article.news img").first
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    axe_check(page, label="parent home")
    byte_budget("parent home", f"{base}/phu-huynh/")

    main.get_by_role("link", name="Xem chi tiết từng bài học").first.click()
    expect(page.locator("main h1")).to_have_text(CHILD)
    expect(page.locator("main table").first).to_contain_text("✓ Hoàn thành")
    axe_check(page, label="child detail (parent)")
    byte_budget("child detail (parent)", page.url)

    # --- Sign out and back in with the phone number. -------------------------------------------
    page.locator("header").get_by_role("button", name="Đăng xuất").click()
    log_in(page, base, "0977123456", next_url="/phu-huynh/", password="mai-hoc-cung-con-2025")
    expect(page.locator("header .who")).to_have_text("Trần Thị Mai")
