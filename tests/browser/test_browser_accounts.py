"""In a real browser: the signed-in header's EN button (a POST form, no JavaScript needed)
switches the language and saves it on the account; "Quên mật khẩu?" leads from the sign-in page
to the reset form. Both without JavaScript; axe-core (which needs it) on the reset form."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def test_signed_in_language_button_and_forgot_password(demo_server, browser):
    from lms.accounts.models import User

    cache.clear()
    base = demo_server.url
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")  # works without JS
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    with page.expect_navigation():
        page.get_by_role("link", name="Quên mật khẩu?").click()
    expect(page.locator("main h1")).to_have_text("Quên mật khẩu")
    log_in(page, base, "hocsinh", next_url="/cua-toi/")
    header = page.locator("header")
    with page.expect_navigation():
        header.get_by_role("button", name="EN", exact=True).click()
    expect(page).to_have_url(f"{base}/cua-toi/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(header.get_by_role("button", name="VI", exact=True)).to_be_visible()
    assert User.objects.get(username="hocsinh").preferred_language == "en"
    context.close()


def test_forgot_password_page_is_accessible(demo_server, page):
    cache.clear()
    page.goto(f"{demo_server.url}/tai-khoan/quen-mat-khau/")
    expect(page.get_by_label("Số điện thoại hoặc email")).to_be_visible()
    axe_check(page, label="forgot password")
