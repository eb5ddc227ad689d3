"""Reports and the catalogue on a 390 px phone (issue 19 items 5 and 12): the officer's
dashboard has no horizontal overflow with every section opened, its SVG charts are readable
(every text ≥ 12 CSS px as drawn) and accessible (role="img" with a title), axe finds no
serious/critical violation; the not-yet-trained list searches and shows schools; the
catalogue card of an enrolled learner shows a cover image and their progress; the
certificate page shows a preview."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# Every SVG <text>: its computed font size times the SVG's scale on screen.
SVG_TEXT_SIZES = """() => Array.from(document.querySelectorAll('main svg text')).map(t => {
  const m = t.getScreenCTM();
  return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * (m ? m.a : 1)];
})"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# What sticks out on the right, to name it when the page overflows.
OFFENDERS = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .filter(e => !e.closest('.tscroll') || e.classList.contains('tscroll'))
  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))"""


def _no_overflow(page, what: str) -> None:
    assert page.evaluate(OVERFLOW) <= 0, f"{what} overflows at 390 px: {page.evaluate(OFFENDERS)}"


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(locale="vi-VN", viewport=PHONE)
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    yield page
    ctx.close()


def _open_all(page) -> None:
    page.evaluate("() => document.querySelectorAll('main details').forEach(d => d.open = true)")


def test_officer_dashboard_on_a_phone(demo_server, phone):
    from lms.reports.models import Target
    from lms.units.models import Unit

    base = demo_server.url
    so = Unit.objects.get(code="SO-31")
    target = Target.objects.get(code="DA1665-KN-90")
    log_in(phone, base, "canbo.so", "/bao-cao/")
    expect(phone.locator("main h1")).to_have_text(so.name)
    phone.goto(f"{base}/bao-cao/don-vi/{so.pk}/?chi-tieu={target.pk}")
    closed_height = phone.evaluate("() => document.documentElement.scrollHeight")
    _no_overflow(phone, "the dashboard (sections closed)")
    # A progress bar per target, with its % of target.
    assert phone.locator(".fig svg.pbar[role=img]").count() == phone.locator(".fig").count()
    expect(phone.locator(".fig[aria-current] .pct")).to_contain_text("chỉ tiêu")
    axe_check(phone, label="reports dashboard at 390 px (sections closed)")

    _open_all(phone)
    charts = phone.locator("main svg.chart")
    assert charts.count() >= 2  # children bars and the weekly trend
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("role") == "img"
        assert chart.locator("title").count() == 1 and chart.locator("desc").count() == 1
    sizes = phone.evaluate(SVG_TEXT_SIZES)
    assert sizes, "no chart text"
    small = [(text, round(size, 1)) for text, size in sizes if size < 12]
    assert not small, f"chart text under 12 CSS px at 390 px: {small}"
    trend = phone.locator("svg.chart").filter(has=phone.locator("title", has_text="theo tuần"))
    expect(trend.locator("text", has_text="100%")).to_have_count(1)  # the y axis
    _no_overflow(phone, "the dashboard (every section open)")
    expect(phone.get_by_role("table", name="Theo giới tính, dân tộc, cấp học và hộ gia đình")
           .locator("thead")).to_contain_text("Tỷ lệ (%)")
    axe_check(phone, label="reports dashboard at 390 px (every section open)")
    open_height = phone.evaluate("() => document.documentElement.scrollHeight")
    print(f"dashboard height at 390 px: {closed_height} px closed, {open_height} px open")
    assert closed_height < 6300

    # Drill down with the table (in its section), then the not-yet-trained list.
    table = phone.get_by_role("table", name="Kết quả theo đơn vị trực thuộc (bảng thay cho biểu đồ)")
    table.get_by_role("link", name="Trường THPT Ngô Quyền").click()
    expect(phone.locator("main h1")).to_have_text("Trường THPT Ngô Quyền")
    phone.get_by_role("link", name="Danh sách người chưa đạt").click()
    caption = phone.locator("main table caption")
    expect(caption).to_contain_text("người chưa đạt")
    expect(phone.locator("main table tbody tr").first.locator("td").first).to_have_text(
        "Trường THPT Ngô Quyền")
    first_name = phone.locator("main table tbody th").first.inner_text()
    phone.get_by_label("Tìm theo họ tên hoặc tên đăng nhập").fill(first_name)
    phone.locator("main").get_by_role("button", name="Tìm", exact=True).click()
    expect(caption).to_contain_text(f"khớp với “{first_name}”")
    expect(phone.locator("main table tbody th").first).to_have_text(first_name)
    _no_overflow(phone, "the not-yet-trained list")
    axe_check(phone, label="not-yet-trained list at 390 px")

    # The class grid on a phone: the wide grid scrolls inside its box, not the page.
    klass = Unit.objects.get(code="HP-THPT-NQ-12A2-2025-2026")
    phone.context.clear_cookies()
    log_in(phone, base, "giaovien")
    phone.goto(f"{base}/bao-cao/lop/{klass.pk}/")
    expect(phone.locator("table.grid tbody tr").first).to_be_visible()
    _no_overflow(phone, "the class grid page")
    axe_check(phone, label="class grid at 390 px")


def test_catalogue_card_shows_image_and_progress(demo_server, phone):
    from courses.models import CoursePage

    base = demo_server.url
    digital = CoursePage.objects.get(slug="ky-nang-so-co-ban")
    assert digital.cover_image_id  # load_demo gave every demo course a picture
    log_in(phone, base, "hocsinh")
    phone.goto(f"{base}/khoa-hoc/")
    card = phone.locator("li.card").filter(has_text=digital.title)
    expect(card.locator("img.card-img")).to_be_visible()
    expect(card.locator("progress")).to_be_visible()
    expect(card.locator(".card-progress")).to_contain_text("%")
    image = card.locator("img.card-img")
    image.scroll_into_view_if_needed()
    phone.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
    assert 0 < image.evaluate("i => i.naturalWidth") <= 320  # a small rendition, loaded
    _no_overflow(phone, "the catalogue")
    axe_check(phone, label="catalogue at 390 px (learner)")


def test_certificate_page_shows_a_preview(demo_server, phone):
    from courses.certificates.models import Certificate

    certificate = Certificate.objects.select_related("user").first()
    if certificate is None:
        pytest.skip("the demo issued no certificate")
    base = demo_server.url
    log_in(phone, base, certificate.user.username)
    phone.goto(base + reverse("certificates:detail", args=[certificate.code]))
    preview = phone.get_by_role("img", name="Xem trước chứng chỉ", exact=False)
    expect(preview).to_be_visible()
    expect(phone.locator(".cert .c-name")).to_have_text(certificate.learner_name)
    axe_check(phone, label="certificate page at 390 px")
