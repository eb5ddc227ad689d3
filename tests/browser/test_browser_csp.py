"""Issue 16: the Content-Security-Policy blocks nothing of our own. Wagtail's page editor (its
StreamField is built by script), the H5P upload form, Django's admin, a lesson with its H5P
frame and the quiz page (an inline script with the nonce) load with no CSP violation."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.browser

LESSON_PATH = "/khoa-hoc/ky-nang-so-co-ban/tim-kiem-va-kiem-chung-thong-tin/"


def _violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    page.on("pageerror", lambda e: found.append(f"pageerror: {e}"))
    return found


def test_admins_and_lessons_load_without_csp_violations(demo_server, page):
    from courses.models import LessonPage
    from lms.accounts.models import User

    base = demo_server.url
    User.objects.create_superuser("quantri.csp", "quantri.csp@example.vn", "mat-khau-Dai-2026")
    lesson = LessonPage.objects.get(slug="tim-kiem-va-kiem-chung-thong-tin")
    violations = _violations(page)
    log_in(page, base, "quantri.csp", password="mat-khau-Dai-2026")

    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    # The StreamField's "add block" buttons exist only when Wagtail's scripts ran.
    expect(page.locator(".c-sf-add-button").first).to_be_attached(timeout=20_000)
    page.goto(f"{base}/admin/snippets/h5p/h5pcontent/add/")
    expect(page.locator("input[type=file][name=upload]")).to_be_attached()
    page.goto(f"{base}/django-admin/")
    expect(page.locator("#content")).to_be_visible()
    page.goto(f"{base}{LESSON_PATH}")
    expect(page.frame_locator("iframe.h5p-frame").get_by_role("button", name="Đúng")
           ).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    assert violations == [], "\n".join(violations)
