"""The reports main path in a real browser: the province officer (canbo.so) opens the
dashboard, drills down to a class and its not-yet-trained learners, goes back up with the
breadcrumbs, exports XLSX and the test checks the file's figures against the database."""

import io

import pytest
from django.db.models import Sum
from openpyxl import load_workbook
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def _log_in(page, base: str, username: str) -> None:
    log_in(page, base, username, "/bao-cao/")


def _figure(target, unit):
    from lms.reports.models import TargetUnitCounter

    sums = TargetUnitCounter.objects.filter(target=target, unit=unit).aggregate(
        p=Sum("population"), t=Sum("trained"))
    return sums["p"] or 0, sums["t"] or 0


def test_officer_drills_down_and_exports_xlsx(demo_server, page):
    from lms.reports.models import Target
    from lms.units.models import Unit

    base = demo_server.url
    so = Unit.objects.get(code="SO-31")
    target = Target.objects.get(code="DA1665-KN-90")
    _log_in(page, base, "canbo.so")
    expect(page.locator("main h1")).to_have_text(so.name)
    axe_check(page, label="reports dashboard (province)")
    population, trained = _figure(target, so)
    expect(page.locator(".fig[aria-current]")).to_contain_text(f"({trained}/{population})")

    # Drill down: province → school → class → learners not yet trained. The children's table
    # (the chart's text alternative, with the links) is a collapsible section under the chart.
    page.locator("summary", has_text="Bảng số liệu và xem từng đơn vị").click()
    table = page.get_by_role("table", name="Kết quả theo đơn vị trực thuộc (bảng thay cho biểu đồ)")
    table.get_by_role("link", name="Trường THPT Ngô Quyền").click()
    expect(page.locator("main h1")).to_have_text("Trường THPT Ngô Quyền")
    page.locator("summary", has_text="Bảng số liệu và xem từng đơn vị").click()
    page.get_by_role("table").first.get_by_role("link", name="Lớp 12A2").click()
    expect(page.locator("main h1")).to_have_text("Lớp 12A2")
    axe_check(page, label="reports dashboard (class)")
    klass = Unit.objects.get(code="HP-THPT-NQ-12A2-2025-2026")
    population, trained = _figure(target, klass)
    page.get_by_role("link", name="Danh sách người chưa đạt").click()
    expect(page.locator("main table caption")).to_have_text(
        f"{population - trained} người chưa đạt")
    axe_check(page, label="not-yet-trained learners")

    # Back up with the breadcrumbs, then export.
    page.locator("nav.crumbs").get_by_role("link", name=so.name).click()
    expect(page.locator("main h1")).to_have_text(so.name)
    page.get_by_label("Định dạng").select_option("xlsx")
    page.get_by_role("button", name="Xuất báo cáo").click()
    download_link = page.locator("#download")
    expect(download_link).to_be_visible(timeout=60_000)
    axe_check(page, label="export ready")
    with page.expect_download() as info:
        download_link.click()
    with open(info.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))

    rows = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=5, values_only=True):
            if row and row[0] is not None:
                rows[(row[1], row[3])] = row
    so_pop, so_trained = _figure(target, so)
    so_row = rows[(so.name, target.code)]
    assert (so_row[6], so_row[7]) == (so_pop, so_trained)
    class_row = rows[(klass.name, target.code)]
    assert (class_row[6], class_row[7]) == _figure(target, klass)
    assert len(book.sheetnames) >= 3  # Sở, Phòng/Trường, Lớp levels each on a sheet


def test_teacher_target_ethnic_groups_and_class_grid(demo_server, page):
    from lms.reports.models import Target
    from lms.units.models import Unit

    base = demo_server.url
    teachers = Target.objects.get(code="DA1665-KN-GV-20")
    so = Unit.objects.get(code="SO-31")
    _log_in(page, base, "canbo.so")
    page.get_by_role("link", name=teachers.name).click()
    details = page.locator("main dl.meta")
    expect(details).to_contain_text("Giáo viên")
    expect(details).to_contain_text("Bộ Giáo dục và Đào tạo")  # the lead unit
    population, trained = _figure(teachers, so)
    assert population >= 1  # the demo's teachers count, not its learners
    expect(page.locator(".fig[aria-current]")).to_contain_text(f"({trained}/{population})")
    page.locator("summary", has_text="Phân tách").click()
    expect(page.get_by_role("table", name="Theo từng dân tộc")).to_be_visible()
    axe_check(page, label="reports dashboard (teacher target, ethnic groups, clubs panel)")

    page.context.clear_cookies()
    klass = Unit.objects.get(code="HP-THPT-NQ-12A2-2025-2026")
    _log_in(page, base, "giaovien")
    page.goto(f"{base}/bao-cao/lop/{klass.pk}/")
    expect(page.locator("main h1")).to_contain_text("Lớp 12A2")
    expect(page.locator("table.grid tbody tr").first).to_be_visible()
    axe_check(page, label="class grid")
