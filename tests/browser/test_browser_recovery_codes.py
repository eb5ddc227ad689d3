"""In a real browser: an officer turns on two-step sign-in, is shown ten recovery codes once,
signs out, and — without the emailed code — signs in with a recovery code. (Before the change
the security page asks for the password again.) axe-core on every
page."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("celery_in_process")  # the emailed code is sent (and ignored) here
def test_officer_turns_on_two_step_and_signs_in_with_a_recovery_code(demo_server, page,
                                                                     mailoutbox):
    from lms.accounts.services import recovery

    cache.clear()  # request throttles from earlier tests
    base = demo_server.url
    page.set_viewport_size({"width": 390, "height": 800})  # a phone screen
    log_in(page, base, "canbo.so", next_url="/tai-khoan/bao-mat/")
    # Security changes need the password again (signing in does not count).
    expect(page.locator("main h1")).to_have_text("Xác nhận lại danh tính")
    axe_check(page, label="confirm it is you")
    page.get_by_label("Mật khẩu hiện tại").fill(settings.HOCMO_DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Xác nhận", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Bảo mật đăng nhập")
    # An officer's ten header links wrap: nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page, label="security page")
    page.get_by_label("Bật đăng nhập hai bước").check()
    page.get_by_label(re.compile("Email tới canbo.so@")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    expect(page.locator("main h1")).to_have_text("Mã dự phòng của bạn")
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", c) for c in codes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page, label="recovery codes")
    page.get_by_role("link", name="Tôi đã lưu các mã").click()
    expect(page.locator("main")).to_contain_text("Bạn còn 10 mã dự phòng chưa dùng.")
    page.locator("header").get_by_role("button", name="Đăng xuất").click()

    log_in(page, base, "canbo.so")
    expect(page.locator("main h1")).to_have_text("Đăng nhập hai bước")
    page.get_by_text("Không nhận được mã? Dùng mã dự phòng").click()
    axe_check(page, label="two-step with recovery open")
    page.get_by_label("Mã dự phòng").fill(codes[0].lower())
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập bằng mã dự phòng").click()
    expect(page.locator(".messages")).to_contain_text("còn 9 mã")
    expect(page.locator("header").get_by_role("button", name="Đăng xuất")).to_be_visible()
    axe_check(page, label="signed in with a recovery code")
    from lms.accounts.models import User

    assert recovery.recovery_codes_left(User.objects.get(username="canbo.so")) == 9
