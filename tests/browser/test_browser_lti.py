"""Two HọcMở instances, platform and tool for each other, in a real browser (issue 24): the
live server (A, the platform) and a second server process (B, the tool, port 8161, its own
SQLite file). A teacher of A deep-links B's lesson into A's lesson, a learner of A launches it
and completes it in B, and B's grade passback (AGS) completes A's lesson."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PORT = 8161  # the helper's port range; B's origin must be on `localhost` like A's (same site)


@pytest.fixture
def tool_site(tmp_path, demo_server):
    from django.conf import settings

    from lms.lti.models import LtiTool

    origin_b = f"http://localhost:{PORT}"
    tool = LtiTool.objects.create(
        name="Phòng thí nghiệm B", login_url=f"{origin_b}/lti/login/",
        launch_url=f"{origin_b}/lti/launch/", deep_link_url=f"{origin_b}/lti/launch/",
        jwks_url=f"{origin_b}/lti/jwks.json")
    env = {**os.environ, "HOCMO_LTI_SECOND_DB": str(tmp_path / "b.sqlite3"),
           "HOCMO_LTI_SECOND_ORIGIN": origin_b,
           "DJANGO_SETTINGS_MODULE": "tests.browser.lti_second_settings"}
    built = subprocess.run([sys.executable, "tests/browser/lti_second_site.py",  # noqa: S603
                            settings.HOCMO_SITE_ORIGIN, tool.client_id, tool.deployment_id],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                           check=True)
    lesson = json.loads(built.stdout.strip().splitlines()[-1])
    log = (tmp_path / "b.log").open("w")
    server = subprocess.Popen([sys.executable, "manage.py", "runserver",  # noqa: S603
                               f"localhost:{PORT}", "--noreload"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:  # bounded wait for B to answer
            try:
                with urllib.request.urlopen(f"{origin_b}/lti/jwks.json", timeout=5) as r:  # noqa: S310
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
            time.sleep(0.2)
        yield {"tool": tool, "origin": origin_b, **lesson}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        print((tmp_path / "b.log").read_text()[-3000:])  # shown when the test fails


def test_two_instances_deep_link_launch_and_grade_passback(demo_server, tool_site, browser):
    from courses.models import CoursePage, LessonPage, LessonProgress
    from courses.services import enrolment_create
    from lms.lti.models import LtiToolLink, LtiToolScore
    from tests.factories import UserFactory

    base, tool = demo_server.url, tool_site["tool"]
    lesson = LessonPage.objects.live().first()
    lesson.body = [*((b.block_type, b.value) for b in lesson.body),
                   ("lti_tool", {"tool": tool, "title": "Phòng thí nghiệm ảo"})]
    lesson.save_revision().publish()
    course = CoursePage.objects.get(pk=lesson.get_parent().pk)
    teacher = UserFactory(username="gv.lti", is_superuser=True, is_staff=True)
    learner = UserFactory(username="hs.lti")
    for user in (teacher, learner):
        user.set_password("Lti-test-2026!")
        user.save()
    enrolment_create(user=learner, course=course)

    # The teacher picks B's lesson by deep linking (A → B login → A auth → B picker → A).
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    log_in(page, base, "gv.lti", password="Lti-test-2026!")
    page.goto(f"{base}/lti/nen-tang/mo/{lesson.pk}/{tool.pk}/?chon=1")
    expect(page.get_by_role("heading", name="Chọn nội dung HọcMở")).to_be_visible(timeout=30_000)
    assert page.url.startswith(tool_site["origin"])
    page.get_by_label(tool_site["lesson_title"]).check()
    page.get_by_role("button", name="Gắn nội dung đã chọn").click()
    expect(page.get_by_role("heading", name="Đã gắn nội dung")).to_be_visible(timeout=30_000)
    link = LtiToolLink.objects.get(tool=tool, lesson=lesson)
    assert link.custom == {"page_id": str(tool_site["lesson_id"])}
    context.close()

    # A learner of A opens the block's link, lands in B's lesson signed in, completes it.
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    log_in(page, base, "hs.lti", password="Lti-test-2026!")
    page.goto(f"{base}{lesson.url}")
    with context.expect_page() as opened:
        page.get_by_role("link", name="Mở công cụ").click()
    tab = opened.value
    expect(tab.get_by_role("button", name="Hoàn thành bài học")).to_be_visible(timeout=30_000)
    assert tab.url.startswith(tool_site["origin"])
    tab.get_by_role("button", name="Hoàn thành bài học").click()
    # B's course has this one lesson: completing it lands on B's course page, completed.
    expect(tab.get_by_text("✓ đã xong")).to_be_visible(timeout=30_000)
    context.close()

    # B sent the score back (AGS): A's lesson is complete for the learner.
    score = LtiToolScore.objects.get(link=link, user=learner)
    assert score.score_given == 100
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None
