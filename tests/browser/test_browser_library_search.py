"""Search from the home page without accents, open a library item and download it; the library
and search pages pass axe-core and stay within the 150 KB budget."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_check

pytestmark = pytest.mark.browser

PLAN_TITLE = "Kế hoạch đào tạo nguồn nhân lực công nghệ cao ngành Giáo dục Đồng Nai 2025"


def test_search_without_accents_open_and_download(demo_server, page, byte_budget, tmp_path):
    base = demo_server.url
    page.goto(f"{base}/")
    header = page.locator("header")
    header.get_by_label("Tìm kiếm").fill("dong nai cong nghe cao")
    with page.expect_navigation():
        header.get_by_role("button", name="Tìm").click()
    expect(page.locator("main h1")).to_have_text("Tìm kiếm")
    hit = page.locator("ol.hits li").first
    expect(hit.get_by_role("link")).to_have_text(PLAN_TITLE)
    expect(hit.locator("h2 mark").filter(has_text="Đồng")).to_have_count(1)
    byte_budget("search results", page.url)
    axe_check(page, label="search results")

    page.locator("ol.hits li").first.get_by_role("link").click()
    expect(page.locator("main h1")).to_have_text(PLAN_TITLE)
    byte_budget("library item", page.url)
    axe_check(page, label="library item")

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải về (PDF)").click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert download.suggested_filename.endswith(".pdf")
    assert target.read_bytes().startswith(b"%PDF")

    page.locator("header nav").get_by_role("link", name="Thư viện").click()
    expect(page.locator("main h1")).to_have_text("Thư viện số")
    page.locator("aside.facets").get_by_role("link", name="Văn bản, tài liệu").click()
    expect(page.locator("#results-h")).to_have_text("7 tài liệu")
    byte_budget("library (filtered)", page.url)
    axe_check(page, label="library (filtered)")


def test_typo_and_kind_filter_without_javascript(demo_server, browser):
    context = browser.new_context(locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/tim-kiem/?q=khoi+nghep")
        expect(page.get_by_role("status").first).to_contain_text("khoi nghiep")
        page.locator("ul.kinds").get_by_role("link", name="Thư viện").click()
        expect(page.locator("ol.hits .tag").first).to_have_text("Thư viện")
    finally:
        context.close()
