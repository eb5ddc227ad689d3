"""Browser steps shared by tests that go through a lesson's quiz."""

from playwright.sync_api import expect


def answer_correctly(page, attempt) -> None:
    """Fills the form as a learner who knows every answer (the key comes from the database;
    the page itself only shows option texts)."""
    from tests.quizzes.helpers import correct_post

    for name, value in correct_post(attempt).items():
        if isinstance(value, list):
            for v in value:
                page.locator(f'input[name="{name}"][value="{v}"]').check()
        elif "_" in name:
            page.locator(f'select[name="{name}"]').select_option(value)
        elif page.locator(f'input[type=radio][name="{name}"]').count():
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        else:
            page.locator(f'input[name="{name}"]').fill(value)


def pass_lesson_quiz(page, lesson, username: str) -> None:
    """From the lesson page: open the quiz, answer everything right, submit, see "Đạt"."""
    from courses.quizzes.models import Attempt

    page.get_by_role("link", name="Vào bài kiểm tra").click()
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(page.get_by_role("button", name="Nộp bài")).to_be_visible()
    attempt = Attempt.objects.filter(user__username=username, lesson=lesson).latest("pk")
    answer_correctly(page, attempt)
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.locator("#quiz-verdict")).to_contain_text("Đạt")
