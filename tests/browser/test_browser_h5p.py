"""A learner opens the demo lesson with the H5P true/false activity, answers it in the player
(h5p-standalone renders it in the sandboxed player frame on the content origin), and after a reload the lesson shows complete — the
xAPI statements went through the LRS into progress."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

LESSON_PATH = "/khoa-hoc/ky-nang-so-co-ban/tim-kiem-va-kiem-chung-thong-tin/"
OTHER_LESSON_PATH = "/khoa-hoc/ky-nang-so-co-ban/su-dung-thiet-bi-an-toan/"


def test_learner_completes_lesson_by_answering_h5p(demo_server, page, tmp_path):
    from courses.models import LessonPage, LessonProgress
    from lms.accounts.models import User
    from lms.xapi.models import LessonScore, Statement

    base = demo_server.url
    learner = User.objects.get(username="hocsinh")
    lesson = LessonPage.objects.get(slug="tim-kiem-va-kiem-chung-thong-tin")
    assert not LessonProgress.objects.filter(user=learner, lesson=lesson,
                                             completed_at__isnull=False).exists()

    page.set_viewport_size({"width": 390, "height": 800})  # a phone screen
    log_in(page, base, "hocsinh")

    # A lesson without H5P loads no player code.
    page.goto(f"{base}{OTHER_LESSON_PATH}")
    assert page.locator("script[src*='h5p-standalone']").count() == 0

    rejected = []
    page.on("response", lambda r: rejected.append(f"{r.status} {r.text()}")
            if "/xapi/" in r.url and r.status >= 400 else None)
    player_requests = []
    page.on("request", lambda r: player_requests.append(r.url)
            if r.frame != page.main_frame else None)
    page.goto(f"{base}{LESSON_PATH}")
    expect(page.get_by_text("Bạn đã hoàn thành bài học này.")).to_have_count(0)
    # The lesson's sandboxed frame on the content origin, where h5p-standalone runs.
    frame = page.frame_locator(".h5p-activity iframe.h5p-frame")
    true_button = frame.get_by_role("button", name="Đúng")
    expect(true_button).to_be_visible(timeout=30_000)
    axe_check(page, label="lesson with H5P (learner)")
    # Issue 18: the libraries come as one bundle (no library.json or h5p.json round trips, no
    # file of a library on its own), compressed, from the content origin.
    assert not [u for u in player_requests if "/libraries/" in u or u.endswith("/h5p.json")], \
        player_requests
    bundles = [u for u in player_requests if "/h5p/b/" in u]
    assert len([u for u in bundles if u.endswith(".js")]) == 1, player_requests
    from django.conf import settings

    assert all(u.startswith(settings.HOCMO_CONTENT_ORIGIN + "/h5p/b/") for u in bundles)
    # Offline after load (a phone losing its signal): the player still works, the statements
    # wait on the device and are sent when the connection returns.
    page.context.set_offline(True)
    true_button.click()
    expect(frame.get_by_text("Chính xác!")).to_be_visible()
    expect(page.locator(".h5p-status")).to_have_text("Đã lưu tạm trên máy; sẽ gửi khi có mạng.")
    assert not Statement.objects.filter(user=learner).exists()
    page.context.set_offline(False)
    # Polled in the page, not the database: the live server shares SQLite with this thread.
    expect(page.locator(".h5p-status")).to_have_text("Đã lưu kết quả của bạn.", timeout=20_000)
    page.wait_for_function("() => (localStorage.getItem('hocmo-xapi-queue') || '[]') === '[]'",
                           timeout=20_000)
    assert rejected == []

    page.reload()
    expect(page.get_by_text("Bạn đã hoàn thành bài học này.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "h5p-lesson.png"), full_page=True)

    row = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert row.completed_at is not None and row.source == "xapi"
    assert LessonScore.objects.get(user=learner, lesson=lesson).best_scaled == 1.0
    verbs = set(Statement.objects.filter(user=learner).values_list("verb_id", flat=True))
    assert {"http://adlnet.gov/expapi/verbs/answered",
            "http://adlnet.gov/expapi/verbs/completed"} <= verbs
