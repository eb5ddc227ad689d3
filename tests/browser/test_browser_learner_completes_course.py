"""The learner's main path in a real browser: sign in, find the course, enrol, finish every
lesson, and see 100 % on the course page and in "Học tập của tôi" — with axe-core checks and a
150 KB budget on every learner page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.quiz_steps import pass_lesson_quiz

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

COURSE_TITLE = "Khởi nghiệp cho học sinh"
COURSE_PATH = "/khoa-hoc/khoi-nghiep-cho-hoc-sinh/"
LEARNER = "hocsinh"


def _log_in(page, base: str) -> None:
    log_in(page, base, LEARNER)
    assert page.url.rstrip("/").endswith("/cua-toi"), f"login did not land on /cua-toi/: {page.url}"
    expect(page.locator("header .who")).to_have_text("Nguyễn Minh An")


def test_learner_completes_course(demo_server, page, byte_budget, tmp_path):
    from courses.models import CourseCompletion, CoursePage, Enrolment, LessonPage, LessonProgress
    from courses.quizzes.selectors import quiz_for_lesson
    from lms.accounts.models import User

    base = demo_server.url
    course = CoursePage.objects.get(slug="khoi-nghiep-cho-hoc-sinh")
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    assert 4 <= len(lessons) <= 6
    assert any(not lesson.required for lesson in lessons), "demo course has an optional lesson"

    # --- Anonymous pages: accessible and light. --------------------------------------------
    for name, path in (("home (anonymous)", "/"),
                       ("catalogue (anonymous)", "/khoa-hoc/"),
                       ("course page (anonymous)", COURSE_PATH),
                       ("login", "/tai-khoan/dang-nhap/")):
        byte_budget(name, f"{base}{path}")
        axe_check(page, label=name)
    expect(page.locator("main h1")).to_have_text("Đăng nhập")

    # --- Sign in, then find the course through the catalogue. --------------------------------
    _log_in(page, base)
    page.locator("header nav").get_by_role("link", name="Khóa học").click()
    expect(page).to_have_url(f"{base}/khoa-hoc/")
    page.locator("main").get_by_role("link", name=COURSE_TITLE, exact=True).click()
    expect(page).to_have_url(f"{base}{COURSE_PATH}")
    expect(page.locator("main h1")).to_have_text(COURSE_TITLE)
    byte_budget("course page (learner)", page.url)
    axe_check(page, label="course page (learner)")

    # --- Enrol: lands on the first lesson. The demo data has giaovien enrol class 12A1 (which
    #     includes hocsinh) in this course, so the learner may already be enrolled at 0 %: then
    #     the course page offers "Học tiếp" instead of the enrol button. --------------------------
    enrol_button = page.get_by_role("button", name="Đăng ký khóa học")
    if enrol_button.count():
        enrol_button.click()
    else:
        expect(page.locator("#course-progress")).to_have_attribute("value", "0")
        page.locator("main").get_by_role("link", name=re.compile(r"^Học tiếp")).click()
    expect(page).to_have_url(f"{base}{COURSE_PATH}{lessons[0].slug}/")
    expect(page.locator("main h1")).to_have_text(lessons[0].title)
    byte_budget("lesson page (learner)", page.url)
    axe_check(page, label="lesson page (learner)")

    # --- Complete every lesson, optional ones too: each button leads to the next lesson, and
    #     the last one back to the course page. -----------------------------------------------
    #     A lesson with a quiz is completed by passing the quiz, not by the button.
    for index, lesson in enumerate(lessons):
        expect(page).to_have_url(f"{base}{COURSE_PATH}{lesson.slug}/")
        expect(page.locator("main h1")).to_have_text(lesson.title)
        if quiz_for_lesson(lesson):
            expect(page.get_by_role("button", name="Hoàn thành bài học")).to_have_count(0)
            pass_lesson_quiz(page, lesson, LEARNER)
            after = lessons[index + 1].slug + "/" if index + 1 < len(lessons) else ""
            page.goto(f"{base}{COURSE_PATH}{after}")
            continue
        page.get_by_role("button", name="Hoàn thành bài học").click()
        page.wait_for_load_state("load")
    expect(page).to_have_url(f"{base}{COURSE_PATH}")

    # --- Course page shows 100 %. ------------------------------------------------------------
    expect(page.locator("main h1")).to_have_text(COURSE_TITLE)
    progress = page.locator("#course-progress")
    expect(progress).to_have_attribute("value", "100")
    expect(page.locator("label[for=course-progress]")).to_contain_text("100 %")
    expect(page.get_by_text("Bạn đã hoàn thành khóa học")).to_be_visible()
    expect(page.locator("ol.lessons li .done")).to_have_count(len(lessons))

    # --- "Học tập của tôi": the course at 100 % and "Đã hoàn thành". -------------------------
    page.locator("header nav").get_by_role("link", name="Học tập của tôi").click()
    expect(page).to_have_url(f"{base}/cua-toi/")
    card = page.locator("main li.card").filter(
        has=page.get_by_role("link", name=COURSE_TITLE, exact=True))
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Đã hoàn thành")
    expect(card).to_contain_text("100 %")
    expect(card.locator("progress")).to_have_attribute("value", "100")
    byte_budget("my learning /cua-toi/", f"{base}/cua-toi/")
    axe_check(page, label="my learning /cua-toi/")

    shot = tmp_path / "my-learning.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.exists() and shot.stat().st_size > 0

    # --- The database agrees. ----------------------------------------------------------------
    learner = User.objects.get(username=LEARNER)
    assert CourseCompletion.objects.filter(user=learner, course=course).exists()
    done = LessonProgress.objects.filter(user=learner, course_id=course.pk,
                                         completed_at__isnull=False)
    assert done.count() == len(lessons)

    # --- The enrol button itself, on a course this learner is not enrolled in. ---------------
    other = CoursePage.objects.live().exclude(enrolments__user=learner).order_by("path").first()
    assert other is not None, "demo data should leave hocsinh a course to enrol in"
    first = LessonPage.objects.live().child_of(other).order_by("path").first()
    page.goto(f"{base}/khoa-hoc/{other.slug}/")
    page.get_by_role("button", name="Đăng ký khóa học").click()
    expect(page.locator("main h1")).to_have_text(first.title)
    expect(page.get_by_role("button", name="Hoàn thành bài học")).to_be_visible()
    assert Enrolment.objects.filter(user=learner, course=other).exists()


def test_english_switcher_sets_html_lang(demo_server, page):
    base = demo_server.url
    page.goto(f"{base}/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="EN", exact=True).click()
    expect(page).to_have_url(f"{base}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("header").get_by_role("link", name="VI", exact=True)).to_be_visible()
    axe_check(page, label="home (English)")
