"""Issue 23's main path in a real browser: the teacher (giaovien) sets an assignment for class
12A1, the learner (hocsinh) hands in a photo from a 390 px phone, the teacher marks it with a
comment, and the learner and the parent (phuhuynh) see the mark — axe-core on every page, the
learner's pages within the 150 KB budget and without sideways scrolling."""

import datetime
import io

import pytest
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser

CHILD = "Nguyễn Minh An"
TITLE = "Chụp ảnh sơ đồ tư duy bài 3"
COMMENT = "Sơ đồ rõ ràng, em bổ sung thêm ví dụ nhé."
PHONE = {"width": 390, "height": 800}


def _jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (230, 220, 200)).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _sign_out(page):
    page.locator("header").get_by_role("button", name="Đăng xuất").click()


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_teacher_sets_learner_hands_in_photo_teacher_marks_family_sees(demo_server, page,
                                                                       byte_budget):
    from lms.classroom.models import Submission
    from lms.units.models import Role

    base = demo_server.url
    unit = Role.objects.get(user__username="hocsinh", kind="learner", ended_at__isnull=True).unit

    # --- The teacher sets the assignment from the class page. --------------------------------
    log_in(page, base, "giaovien", f"/giang-day/lop/{unit.pk}/")
    page.locator("main").get_by_role("link", name="Bài tập của lớp").click()
    expect(page.locator("main h1")).to_contain_text("Bài tập")
    axe_check(page, label="class assignments (teacher)")
    page.get_by_role("link", name="Giao bài tập mới").click()
    axe_check(page, label="new assignment form")
    page.get_by_label("Tên bài tập").fill(TITLE)
    page.get_by_label("Hướng dẫn").fill("Vẽ sơ đồ tư duy bài 3 ra giấy, chụp ảnh và nộp.")
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    page.get_by_label("Ngày hết hạn").fill(tomorrow.isoformat())
    page.get_by_label("Giờ hết hạn (giờ Việt Nam)").fill("17:00")
    page.get_by_role("button", name="Giao bài").click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("17:00")
    axe_check(page, label="assignment (teacher)")
    _sign_out(page)

    # --- The learner hands in a photo on a phone. ---------------------------------------------
    page.set_viewport_size(PHONE)
    log_in(page, base, "hocsinh", "/lop/bai-tap-cua-toi/")
    expect(page.locator("main h1")).to_have_text("Bài tập của tôi")
    _no_sideways_scroll(page)
    axe_check(page, label="my work at 390 px")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    _no_sideways_scroll(page)
    axe_check(page, label="assignment (learner) at 390 px")
    byte_budget("assignment (learner)", page.url)
    page.get_by_label("Tệp bài làm", exact=False).set_input_files(
        files=[{"name": "so-do-tu-duy.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}])
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.locator(".msg")).to_contain_text("Đã nộp bài")
    expect(page.locator("main")).to_contain_text("so-do-tu-duy.jpg")
    submission = Submission.objects.get(assignment__title=TITLE, learner__username="hocsinh")
    assert submission.files.get().content_type == "image/jpeg"
    _sign_out(page)

    # --- The teacher marks it with a comment. --------------------------------------------------
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, base, "giaovien", f"/lop/bai-tap/{submission.assignment_id}/")
    page.get_by_role("row").filter(has_text=CHILD).get_by_role("link").click()
    expect(page.locator("main h1")).to_contain_text(CHILD)
    photo = page.locator("main").get_by_role("link", name="so-do-tu-duy.jpg")
    expect(photo).to_be_visible()
    axe_check(page, label="submission (teacher)")
    page.get_by_label("Điểm (thang 10)").fill("11")
    page.get_by_role("button", name="Chấm và trả bài").click()
    expect(page.locator("main")).to_contain_text("Điểm là một số từ 0 đến 10")
    page.get_by_label("Điểm (thang 10)").fill("8,5")
    page.get_by_label("Nhận xét").fill(COMMENT)
    page.get_by_role("button", name="Chấm và trả bài").click()
    expect(page.locator(".msg")).to_contain_text("Đã chấm và trả bài")
    page.goto(f"{base}/lop/{unit.pk}/so-diem/")
    expect(page.locator("main table")).to_contain_text("8,5")
    axe_check(page, label="gradebook")
    _sign_out(page)

    # --- The learner sees the mark and the comment. --------------------------------------------
    page.set_viewport_size(PHONE)
    log_in(page, base, "hocsinh", f"/lop/bai-tap/{submission.assignment_id}/")
    expect(page.get_by_test_id("score")).to_have_text("8,5")
    expect(page.get_by_test_id("comment")).to_contain_text(COMMENT)
    _no_sideways_scroll(page)
    axe_check(page, label="returned work (learner) at 390 px")
    _sign_out(page)

    # --- The parent sees it too. ----------------------------------------------------------------
    log_in(page, base, "phuhuynh", "/phu-huynh/")
    page.locator("main").get_by_role("link", name="Bài tập và điểm của con").first.click()
    expect(page.locator("main h1")).to_have_text("Bài tập của con")
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("8,5")
    expect(row).to_contain_text("Đã chấm")
    _no_sideways_scroll(page)
    axe_check(page, label="child's work (parent) at 390 px")
    byte_budget("child's work (parent)", page.url)
