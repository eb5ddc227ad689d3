"""Questions on a lesson at 390 px: the learner (hocsinh, class 12A1) follows the lesson page's
link to its Q&A page and asks, the teacher (giaovien) answers, the learner accepts the answer —
axe-core on each page, the learner's Q&A page within the 150 KB budget, no sideways scroll."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 800}
ASKED = "Chi phí cố định khác chi phí biến đổi thế nào ạ?"
ANSWERED = "Chi phí cố định không đổi theo số lượng bán, ví dụ tiền thuê chỗ."


def _sign_out(page):
    page.locator("header").get_by_role("button", name="Đăng xuất").click()


def test_learner_asks_teacher_answers_learner_accepts_on_a_phone(demo_server, page,
                                                                  byte_budget):
    from lms.discussions.models import Question

    base = demo_server.url
    lesson = Question.objects.filter(author__username="hocsinh").first().lesson
    page.set_viewport_size(PHONE)
    log_in(page, base, "hocsinh", lesson.url)
    page.get_by_role("link", name="Hỏi đáp về bài học").click()
    expect(page.locator("main h1")).to_contain_text("Hỏi đáp")
    expect(page.locator("main")).to_contain_text("đã có câu trả lời đúng")  # the demo's
    byte_budget("lesson Q&A (learner)", page.url)
    page.get_by_label("Câu hỏi của em").fill(ASKED)
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator(".msg")).to_contain_text("Đã gửi câu hỏi")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page, label="question (learner) at 390 px")
    thread = page.url
    _sign_out(page)

    log_in(page, base, "giaovien", thread)
    page.get_by_label("Câu trả lời").fill(ANSWERED)
    page.get_by_role("button", name="Gửi câu trả lời").click()
    expect(page.locator("main")).to_contain_text(ANSWERED)
    axe_check(page, label="question (teacher) at 390 px")
    _sign_out(page)

    log_in(page, base, "hocsinh", thread)
    page.get_by_role("button", name="Chọn là câu trả lời đúng").click()
    expect(page.locator(".msg")).to_contain_text("Đã chọn câu trả lời đúng")
    expect(page.locator("main .answer").filter(has_text=ANSWERED)).to_contain_text(
        "Câu trả lời đúng")
    axe_check(page, label="accepted answer (learner) at 390 px")
    question = Question.objects.get(text=ASKED)
    assert question.accepted_answer.text == ANSWERED
