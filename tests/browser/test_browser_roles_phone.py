"""Issue 19, "What done looks like": every demo role on a 390 px phone — signs in through the
form, lands on its own home (the work of that role), follows the main journey a step, and no
page scrolls sideways or has a serious/critical axe-core finding. Each role also sees its home in
English."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# (username, where signing in lands (path prefix), the main journey: links to follow in turn,
# each a CSS selector inside <main>)
ROLES = [
    ("hocsinh", "courses:my_learning", ["main a[href^='/khoa-hoc/']"]),
    ("phuhuynh", "families:home", ["main a[href^='/']"]),
    ("giaovien", "courses:teacher_classes", ["main a[href^='/giang-day/lop/']"]),
    ("hieutruong", "reports:index", ["main a[href^='/bao-cao/']"]),
    ("canbo.so", "reports:index", ["main a[href^='/bao-cao/don-vi/']"]),
    ("ntd.dien", "careers:employer_home", ["main a[href^='/huong-nghiep/']"]),
    ("giamkhao.so", "contests:index", ["main a[href^='/cuoc-thi/']"]),
    ("0912000102", "courses:my_learning", ["main a[href^='/khoa-hoc/']"]),
]


def _no_sideways_scroll(page, label: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{label}: the page is {width} px wide at 390 px"


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(locale="vi-VN", viewport=PHONE, device_scale_factor=1,
                              is_mobile=True, has_touch=True)
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    yield page
    ctx.close()


@pytest.mark.parametrize("username,home,journey", ROLES, ids=[r[0] for r in ROLES])
def test_role_lands_on_its_work_and_fits_a_phone(demo_server, phone, username, home, journey):
    base = demo_server.url
    log_in(phone, base, username)
    home_path = reverse(home)
    # reports:index sends a person with one unit on to that unit's dashboard
    assert phone.url.startswith(base + home_path), f"{username} landed on {phone.url}"
    expect(phone.locator("main h1").first).to_be_visible()
    _no_sideways_scroll(phone, f"{username} home")
    axe_check(phone, label=f"{username} home (390 px)")
    for selector in journey:
        link = phone.locator(selector).first
        expect(link).to_be_visible()
        with phone.expect_navigation():
            link.click()
        assert phone.url.startswith(base), phone.url
        expect(phone.locator("main h1").first).to_be_visible()
        _no_sideways_scroll(phone, f"{username} → {phone.url}")
        axe_check(phone, label=f"{username} → {phone.url} (390 px)")
    # The same home in English: the language switch is a form for a signed-in person.
    phone.goto(base + home_path)
    with phone.expect_navigation():
        phone.locator("header .lang button", has_text="EN").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    _no_sideways_scroll(phone, f"{username} home (en)")
    axe_check(phone, label=f"{username} home (en, 390 px)")
