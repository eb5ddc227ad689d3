"""Learning offline on a shared phone and a full phone (issue 22), without the demo data:
- too little storage: the download says so before fetching anything, and keeps nothing;
- a lesson completed offline by one learner, who signs out before the connection returns, is
  refused by the server when the next learner is signed in: dropped with a message, never
  counted for the second learner."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def bare_server(_restore_serialized_contents, django_db_serialized_rollback, transactional_db,
                live_server):
    return live_server


def _phone(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844},
                                  service_workers="allow")
    context.set_default_timeout(20_000)
    return context


def test_download_refused_when_the_device_is_short_of_space(bare_server, browser):
    from courses.services import enrolment_create
    from tests.factories import DEMO_PASSWORD, UserFactory, course_with_lessons

    course, _lessons = course_with_lessons(3)
    learner = UserFactory(username="an.quota", password=DEMO_PASSWORD)
    enrolment_create(user=learner, course=course)
    context = _phone(browser)
    # A phone with 1 KB of storage left.
    context.add_init_script("""navigator.storage.estimate = () =>
        Promise.resolve({quota: 100000, usage: 99000});""")
    page = context.new_page()
    try:
        log_in(page, bare_server.url, "an.quota", password=DEMO_PASSWORD)
        page.goto(f"{bare_server.url}{course.url}")
        box = page.locator("[data-offline-download]")
        expect(box.locator("[data-size]")).to_contain_text("Dung lượng tải về: khoảng")
        box.get_by_role("button", name="Tải về để học ngoại tuyến").click()
        expect(box).to_have_attribute("data-state", "quota")
        expect(box.locator("[data-status]")).to_contain_text("Không đủ chỗ trên máy")
        assert f"hocmo-course-{course.pk}" not in page.evaluate("() => caches.keys()")
        assert page.evaluate("() => localStorage.getItem('hocmo-downloads')") in (None, "{}")
    finally:
        context.close()


def test_another_learners_queued_completion_is_refused_and_shown(bare_server, browser):
    from courses.models import LessonProgress
    from courses.services import enrolment_create
    from lms.xapi.models import Statement
    from tests.factories import DEMO_PASSWORD, UserFactory, course_with_lessons

    base = bare_server.url
    course, lessons = course_with_lessons(2)
    first = UserFactory(username="an.may", password=DEMO_PASSWORD)
    second = UserFactory(username="binh.may", password=DEMO_PASSWORD)
    for user in (first, second):
        enrolment_create(user=user, course=course)
    context = _phone(browser)
    page = context.new_page()
    try:
        log_in(page, base, "an.may", password=DEMO_PASSWORD)
        page.goto(f"{base}{lessons[0].url}")
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now controlled by the worker, which keeps the page
        assert page.evaluate("() => !!navigator.serviceWorker.controller")
        context.set_offline(True)
        page.reload()
        page.get_by_role("button", name="Hoàn thành bài học").click()
        expect(page.locator("main")).to_contain_text("Đã lưu trên máy")
        assert len(page.evaluate("() => HocMoQueue.all()")) == 1
        # The first learner's session ends while offline (expired, or the phone restarted);
        # back online the queue waits for a signed-in person, and the next one signs in.
        context.clear_cookies()
        context.set_offline(False)
        log_in(page, base, "binh.may", password=DEMO_PASSWORD)
        expect(page.locator("#offline-messages")).to_contain_text("tài khoản khác")
        assert page.evaluate("() => HocMoQueue.all()") == []
        assert not Statement.objects.exists()
        assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    finally:
        context.close()
