"""SCORM lectures in the browser (issue 21), against the live server with the demo data: the
test kit's SCOs run in the player (scorm-again in the frame on the content origin, the SCO in
a nested frame) and the lesson page posts their commits to the site.

- the demo SCORM 1.2 lecture at 390 px: read to page 3, leave, come back and resume at page 3,
  pass the quiz; the lesson and course progress count it, the teacher's class grid shows it,
  the LRS holds the SCORM profile statements; axe on the lesson page;
- a SCORM 2004 4th edition package passes with a scaled score;
- a multi-SCO 2004 package: the table of contents and the SCOs' continue / choice requests."""

import io
import re

import pytest
from playwright.sync_api import expect

from courses.scorm.testkit import (
    CORRECT_ANSWERS,
    DEMO_TITLE,
    MULTI_SCO_ITEMS,
    scorm2004_multi_sco_package,
    scorm2004_package,
)

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

COURSE_PATH = "/khoa-hoc/ky-nang-so-co-ban/"
DEMO_LESSON_SLUG = "bao-ve-du-lieu-ca-nhan"
SAVED = "Đã lưu tiến độ."
COMPLETED = "Bạn đã hoàn thành bài giảng. Tiến độ đã được lưu."


def _sco(page):
    """The SCO's document: the nested frame inside the player frame."""
    return page.frame_locator(".scorm-activity iframe.scorm-frame").frame_locator("#scorm-sco")


def _answer_quiz(sco) -> None:
    for question, answer in CORRECT_ANSWERS.items():
        sco.locator(f"#{question}-{answer}").check()
    sco.locator("#btn-submit").click()


def _lesson_with(slug: str, package):
    from courses.models import LessonPage

    lesson = LessonPage.objects.get(slug=slug)
    lesson.body.append(("scorm", {"package": package, "instructions": ""}))
    lesson.save_revision().publish()
    return lesson


def _create(build, title: str):
    from courses.scorm.services import scorm_package_create

    return scorm_package_create(fileobj=io.BytesIO(build()), title=title)


def test_learner_resumes_and_completes_the_demo_lecture(demo_server, page):
    from courses.models import LessonPage, LessonProgress
    from courses.scorm.models import ScormAttempt
    from lms.accounts.models import User
    from lms.units.models import Unit
    from lms.xapi.models import Statement

    base = demo_server.url
    learner = User.objects.get(username="hocsinh")
    lesson = LessonPage.objects.get(slug=DEMO_LESSON_SLUG)
    course = lesson.get_parent()
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, base, "hocsinh")
    refused = []
    page.on("response", lambda r: refused.append(f"{r.status} {r.url}")
            if "/scorm/" in r.url and r.status >= 400 else None)

    page.goto(f"{base}{lesson.url}")
    expect(page.locator(".scorm-activity h2")).to_have_text(DEMO_TITLE)
    sco = _sco(page)
    expect(sco.locator("#page-indicator")).to_have_text("Trang 1/4", timeout=30_000)
    expect(sco.locator("#sco-status")).to_contain_text("Nguyễn Minh An")  # cmi student_name
    axe_check(page, label="lesson with SCORM (learner, 390 px)")
    sco.locator("#btn-next").click()
    sco.locator("#btn-next").click()
    expect(sco.locator("#page-indicator")).to_have_text("Trang 3/4")
    expect(page.locator(".scorm-status")).to_have_text(SAVED, timeout=15_000)

    # Leaves mid-way (to the course page), comes back: the SCO resumes at page 3.
    page.goto(f"{base}{course.url}")
    attempt = ScormAttempt.objects.get(user=learner, lesson=lesson)
    assert attempt.location == "3" and attempt.completion_status != "completed"
    page.goto(f"{base}{lesson.url}")
    sco = _sco(page)
    expect(sco.locator("#page-indicator")).to_have_text("Trang 3/4", timeout=30_000)
    expect(sco.locator("#resume-note")).to_contain_text("trang 3")
    sco.locator("#btn-next").click()
    _answer_quiz(sco)
    expect(sco.locator("#quiz-result")).to_contain_text("100 điểm. Đạt!")
    sco.locator("#btn-exit").click()
    expect(page.locator(".scorm-status")).to_have_text(COMPLETED, timeout=15_000)
    assert refused == []

    attempt.refresh_from_db()
    assert attempt.completion_status == "completed" and attempt.success_status == "passed"
    assert attempt.score_scaled == 1.0
    row = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert row.completed_at is not None
    page.reload()
    expect(page.get_by_text("Bạn đã hoàn thành bài học này.")).to_be_visible()
    page.goto(f"{base}{course.url}")
    expect(page.locator("main")).to_contain_text("%")

    verbs = set(Statement.objects.filter(user=learner).values_list("verb_id", flat=True))
    assert {"http://adlnet.gov/expapi/verbs/initialized",
            "http://adlnet.gov/expapi/verbs/resumed",
            "http://adlnet.gov/expapi/verbs/passed"} <= verbs, verbs

    # The teacher's class grid shows the lesson done for the learner.
    page.context.clear_cookies()
    klass = Unit.objects.filter(code__startswith="HP-THPT-NQ-12A1").order_by("pk").first()
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    column = [item.pk for item in lessons].index(lesson.pk)
    log_in(page, base, "giaovien")
    page.goto(f"{base}/bao-cao/lop/{klass.pk}/?khoa-hoc={course.pk}")
    row = page.locator("table.grid tbody tr").filter(has_text="Nguyễn Minh An")
    expect(row.locator("td.c").nth(column)).to_have_text("✓")


def test_scorm2004_package_passes_with_a_scaled_score(demo_server, page):
    from courses.models import LessonProgress
    from courses.scorm.models import ScormAttempt
    from lms.accounts.models import User

    base = demo_server.url
    package = _create(scorm2004_package, "Bài học SCORM 2004")
    lesson = _lesson_with("su-dung-thiet-bi-an-toan", package)
    log_in(page, base, "hocsinh")
    page.goto(f"{base}{lesson.url}")
    sco = _sco(page)
    expect(sco.locator("#page-indicator")).to_have_text("Trang 1/4", timeout=30_000)
    for _ in range(3):
        sco.locator("#btn-next").click()
    sco.locator("#cau-1-mat-khau-a").check()  # wrong first: 50 < 80, failed
    sco.locator(f"#cau-2-tin-nhan-la-{CORRECT_ANSWERS['cau-2-tin-nhan-la']}").check()
    sco.locator("#btn-submit").click()
    expect(sco.locator("#quiz-result")).to_contain_text("Chưa đạt")
    expect(page.locator(".scorm-status")).to_have_text(SAVED, timeout=15_000)
    _answer_quiz(sco)
    expect(sco.locator("#quiz-result")).to_contain_text("Đạt!")
    sco.locator("#btn-exit").click()
    expect(page.locator(".scorm-status")).to_have_text(COMPLETED, timeout=15_000)
    learner = User.objects.get(username="hocsinh")
    attempt = ScormAttempt.objects.get(user=learner, lesson=lesson)
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert attempt.score_scaled == 1.0
    sco_data = attempt.runtime[package.scos[0]["identifier"]]["cmi"]
    assert sco_data["score"]["scaled"] in ("1", 1, 1.0)
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None


def test_multi_sco_table_of_contents_and_navigation_requests(demo_server, page):
    base = demo_server.url
    package = _create(scorm2004_multi_sco_package, "Khóa học nhiều phần")
    lesson = _lesson_with("mat-khau-va-xac-thuc-hai-lop", package)
    log_in(page, base, "hocsinh")
    page.goto(f"{base}{lesson.url}")
    toc = page.locator(".scorm-toc")
    expect(toc.locator("button.scorm-toc-item")).to_have_count(3)
    sco = _sco(page)
    expect(sco.locator("h1")).to_have_text("Phần 1: Giới thiệu", timeout=30_000)
    expect(toc.locator(f"[data-sco='{MULTI_SCO_ITEMS[0]}']")).to_have_attribute(
        "aria-current", "true")
    # The SCO's own "continue" (adl.nav.request) opens the next SCO.
    sco.locator("#btn-sco-continue").click()
    expect(sco.locator("h1")).to_have_text("Phần 2: Nội dung")
    # The table of contents: choose part 3.
    toc.get_by_role("button", name="Phần 3: Kiểm tra").click()
    expect(sco.locator("h1")).to_have_text("Phần 3: Kiểm tra")
    expect(toc.locator(f"[data-sco='{MULTI_SCO_ITEMS[2]}']")).to_have_attribute(
        "aria-current", "true")
    # A choice request from the SCO back to the introduction.
    sco.locator("#btn-sco-choice").click()
    expect(sco.locator("h1")).to_have_text("Phần 1: Giới thiệu")
    sco.locator("#btn-sco-continue").click()
    expect(sco.locator("h1")).to_have_text("Phần 2: Nội dung")
    sco.locator("#btn-sco-previous").click()
    expect(sco.locator("h1")).to_have_text("Phần 1: Giới thiệu")
    expect(page.locator(".scorm-status")).not_to_have_text(re.compile("Chưa lưu"))
