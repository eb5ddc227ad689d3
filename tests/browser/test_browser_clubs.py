"""The clubs main path in a real browser: the adviser (giaovien) records an activity with
attendance and a public photo; the public club page shows it (no learner names); the province
officer (canbo.so) sees the term's counts in the club report. axe-core on each page."""

import datetime
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser
CLUB = "CLB Khởi nghiệp THPT Ngô Quyền"
TITLE = "Giao lưu với doanh nghiệp trẻ"


def _log_in(page, base: str, username: str, next_url: str) -> None:
    log_in(page, base, username, next_url)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1000), (30, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


def test_adviser_records_activity_public_page_and_report(demo_server, page, context):
    from lms.clubs.models import Activity, Club
    from lms.clubs.reports import club_report
    from lms.clubs.terms import current_term
    from lms.units.models import Unit

    base = demo_server.url
    club = Club.objects.get(name=CLUB)
    _log_in(page, base, "giaovien", "/cau-lac-bo/cua-toi/")
    expect(page.locator("main h1")).to_have_text("Câu lạc bộ của tôi")
    axe_check(page, label="my clubs (adviser)")
    row = page.get_by_role("row").filter(has_text=CLUB)
    row.get_by_role("link", name="Ghi nhận hoạt động").click()
    expect(page.locator("main h1")).to_have_text("Ghi nhận hoạt động")
    axe_check(page, label="record activity")

    page.get_by_label("Ngày").fill(datetime.date.today().isoformat())
    page.get_by_label("Tên hoạt động").fill(TITLE)
    page.get_by_label("Địa điểm").fill("Hội trường")
    page.get_by_label("Nguyễn Minh An").check()
    page.get_by_label("Ảnh hoạt động").set_input_files(
        files=[{"name": "giao-luu.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}])
    page.get_by_label("Mô tả ảnh (cho người khiếm thị)").fill("Học sinh nghe doanh nhân chia sẻ")
    page.get_by_label("Công khai các ảnh này trên trang câu lạc bộ").check()
    page.get_by_role("button", name="Lưu hoạt động").click()
    expect(page.locator(".msg")).to_contain_text("Đã lưu hoạt động và điểm danh")
    activity = Activity.objects.get(club=club, title=TITLE)
    assert activity.attendance.count() == 1 and activity.photos.get().is_public

    # The public page, as a visitor who is not signed in.
    context.clear_cookies()
    page.goto(f"{base}/cau-lac-bo/{club.slug}/")
    article = page.locator("article").filter(has_text=TITLE)
    expect(article).to_contain_text("1 thành viên tham dự")
    image = article.get_by_role("img", name="Học sinh nghe doanh nhân chia sẻ")
    expect(image).to_be_visible()
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 1280
    assert "Nguyễn Minh An" not in page.locator("main").inner_text()
    axe_check(page, label="public club page")

    # The province officer's report for this term.
    _log_in(page, base, "canbo.so", "/cau-lac-bo/bao-cao/")
    expect(page.locator("main h1")).to_have_text("Báo cáo câu lạc bộ khởi nghiệp")
    total = club_report(Unit.objects.get(code="SO-31"), current_term()).total
    expect(page.locator("#fig-clubs")).to_have_text(str(total.clubs))
    expect(page.locator("#fig-activities")).to_have_text(str(total.activities))
    expect(page.locator("#fig-members")).to_have_text(str(total.members))
    assert total.clubs >= 3
    expect(page.locator("#theo-truong")).to_contain_text("Trường THCS Thủy Nguyên")
    axe_check(page, label="club report (province)")
