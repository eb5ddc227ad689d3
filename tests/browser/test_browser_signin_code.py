"""In a real browser: the school admin (hieutruong) links a new parent to a learner from the
school linking screen, then that parent signs in with a one-time code received by SMS (read
from the file adapter's outbox) and lands on the parent home. axe-core on every page."""

import json
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

CHILD = "Nguyễn Minh An"
FILE = "lms.notifications.channels.gateways.FileAdapter"


def _sign_in_code(outbox, phone: str) -> str:
    for line in reversed((outbox / "sms.jsonl").read_text().splitlines()):
        row = json.loads(line)
        if row["to"] == phone and "ma dang nhap" in row["text"]:
            return re.search(r"\b(\d{6})\b", row["text"]).group(1)
    raise AssertionError("no sign-in code in the SMS outbox")


@pytest.mark.usefixtures("celery_in_process")  # the code's SMS lands in this test's outbox
def test_admin_links_parent_who_signs_in_with_sms_code(demo_server, page, settings, tmp_path):
    from lms.accounts.models import GuardianLink

    settings.NOTIFICATIONS_OUTBOX_DIR = str(tmp_path)
    settings.NOTIFICATIONS_ADAPTERS = {"sms": FILE, "zalo": FILE}
    cache.clear()  # request throttles from earlier tests
    base = demo_server.url

    # --- The school admin: school → class 12A1 → the learner → create a parent account. ------
    log_in(page, base, "hieutruong", next_url="/phu-huynh/truong/")
    expect(page.locator("main h1")).to_contain_text("Liên kết phụ huynh — ")
    axe_check(page, label="admin school")
    page.locator("main nav").get_by_role("link", name="Lớp 12A1", exact=True).click()
    expect(page.locator("main h2")).to_have_text("Lớp 12A1")
    axe_check(page, label="admin school class")
    page.get_by_role("link", name=f"Liên kết phụ huynh cho {CHILD}").click()
    expect(page.locator("main h1")).to_have_text(f"Phụ huynh của {CHILD}")
    axe_check(page, label="admin learner link")
    page.get_by_label("Họ và tên phụ huynh").fill("Lê Thị Hoa")
    page.get_by_label("Số điện thoại:", exact=True).fill("0977 555 111")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo tài khoản và liên kết").click()
    expect(page.locator(".messages")).to_contain_text("Đã tạo tài khoản cho Lê Thị Hoa")
    expect(page.locator("main table")).to_contain_text("Đỗ Thị Mai")  # who, in the history
    assert GuardianLink.objects.filter(guardian__phone="0977555111", learner__username="hocsinh",
                                       revoked_at__isnull=True).exists()
    page.locator("header").get_by_role("button", name="Đăng xuất").click()

    # --- The new parent signs in with a code by SMS. ------------------------------------------
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_role("link", name=re.compile("Đăng nhập bằng mã")).click()
    expect(page.locator("main h1")).to_have_text("Đăng nhập bằng mã")
    axe_check(page, label="code login")
    page.get_by_label("Số điện thoại hoặc email").fill("0977 555 111")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi mã cho tôi").click()
    expect(page.locator(".messages")).to_contain_text("mã 6 chữ số")
    axe_check(page, label="code entry")
    page.get_by_label("Mã 6 chữ số").fill(_sign_in_code(tmp_path, "0977555111"))
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(f"{base}/phu-huynh/")
    expect(page.locator("header .who")).to_have_text("Lê Thị Hoa")
    expect(page.locator("main").get_by_role("heading", name=CHILD)).to_be_visible()
    axe_check(page, label="parent home after code sign-in")
