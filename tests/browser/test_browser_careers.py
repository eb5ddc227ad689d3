"""The careers main paths in a real browser: an anonymous visitor takes the interest
questionnaire and gets occupation and course suggestions; the demo learner (hocsinh) applies to
an apprenticeship with a certificate, and the employer sees the certificate's verify link.
axe-core on every page; the questionnaire within the 150 KB learner-page budget."""

import pytest
from playwright.sync_api import expect

from lms.careers import riasec

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

POSTING = "Thợ điện công nghiệp (học nghề có lương)"


def _log_in(page, base: str, username: str, next_url: str) -> None:
    log_in(page, base, username, next_url)


def test_anonymous_takes_the_questionnaire(demo_server, page, byte_budget):
    base = demo_server.url
    page.goto(f"{base}/huong-nghiep/")
    axe_check(page, label="careers index")
    page.get_by_role("link", name="Làm bài trắc nghiệm").click()
    expect(page.locator("main h1")).to_have_text("Trắc nghiệm sở thích nghề nghiệp")
    axe_check(page, label="questionnaire")
    for key, scale, _text in riasec.STATEMENTS:  # a person who likes hands-on and science work
        page.locator(f"#id_{key}_{2 if scale in 'RI' else 0}").check()
    page.get_by_role("button", name="Xem kết quả").click()
    expect(page.locator("main h1")).to_have_text("Kết quả trắc nghiệm sở thích")
    expect(page.locator(".riasec-code")).to_have_text("RI")
    suggestions = page.locator("ol.suggestions")
    expect(suggestions).to_contain_text("Kỹ thuật viên nông nghiệp công nghệ cao")
    expect(suggestions).to_contain_text("Kỹ thuật viên tự động hóa")
    expect(suggestions).not_to_contain_text("Hướng dẫn viên du lịch")
    expect(page.get_by_role("list", name="Khóa học gợi ý")).to_contain_text("STEM")
    axe_check(page, label="questionnaire result")
    byte_budget("careers questionnaire", f"{base}/huong-nghiep/trac-nghiem/")


def test_hocsinh_applies_with_a_certificate(demo_server, browser, page):
    from lms.careers.models import Application

    base = demo_server.url
    _log_in(page, base, "hocsinh", "/huong-nghiep/viec-lam/")
    expect(page.locator("main h1")).to_have_text("Việc làm và học nghề")
    axe_check(page, label="job board")
    page.get_by_role("link", name=POSTING).click()
    expect(page.locator("main h1")).to_have_text(POSTING)
    axe_check(page, label="posting")
    page.get_by_label("Số điện thoại hoặc email để doanh nghiệp liên hệ").fill("0912 345 678")
    page.get_by_label("Lời nhắn gửi doanh nghiệp").fill("Em muốn học nghề điện trong kỳ nghỉ hè.")
    page.get_by_label("Ngày hội STEM và trải nghiệm nghề nghiệp 2025", exact=False).check()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    expect(page.locator("main h1")).to_have_text("Hồ sơ ứng tuyển của tôi")
    row = page.get_by_role("row").filter(has_text=POSTING)
    expect(row).to_contain_text("Ngày hội STEM")
    expect(row).to_contain_text("Đã nộp")
    axe_check(page, label="my applications")
    application = Application.objects.get(learner__username="hocsinh", posting__title=POSTING)
    certificate = application.certificates.get()

    # The employer (ntd.dien) sees the applicant and the certificate's public verify link.
    employer_context = browser.new_context(locale="vi-VN")
    employer_page = employer_context.new_page()
    try:
        _log_in(employer_page, base, "ntd.dien", "/huong-nghiep/doanh-nghiep/")
        employer_page.get_by_role("row").filter(has_text=POSTING).get_by_role(
            "link", name="1 hồ sơ").click()
        link = employer_page.get_by_role("link", name=f"xác minh chứng chỉ {certificate.code}")
        expect(link).to_have_attribute("href", f"{base}/verify/{certificate.code}/")
        axe_check(employer_page, label="employer applicants")
        link.click()
        expect(employer_page.locator("main")).to_contain_text("Nguyễn Minh An")
    finally:
        employer_context.close()
