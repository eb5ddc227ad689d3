"""Roster import in a real browser: the school head (hieutruong) uploads a small XLSX, checks the
column mapping, sees per-row errors in the preview, commits, follows the progress and finds the
new learners in the school's list — axe-core on every page."""

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def _assert_role_paths_current() -> None:
    """The demo's roles carry their unit's current path (an old bug copied a stale one, which
    hid the school from its head)."""
    from lms.units.models import Role

    assert [r.pk for r in Role.objects.select_related("unit") if r.unit_path != r.unit.path] == []


def _roster_file(path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH HỌC SINH LỚP 10A9 — NĂM HỌC 2025-2026"])
    sheet.append(["STT", "Ma hoc sinh", "Ho va ten", "Ngay sinh", "Gioi tinh", "Dan toc", "Lop",
                  "SDT"])
    sheet.append([1, "NQ250001", "Phạm Gia Huy", "12/03/2010", "Nam", "Kinh", "10A9",
                  "0912 345 678"])
    sheet.append([2, "NQ250002", "Lò Thị Mai", "30/02/2010", "Nữ", "Thái", "10A9", ""])
    sheet.append([3, "NQ250003", "Vàng A Sùng", 40430, "Nam", "H'Mông", "10A9", ""])
    workbook.save(path)


def test_school_head_imports_a_roster(demo_server, page, tmp_path):
    base = demo_server.url
    _assert_role_paths_current()
    log_in(page, base, "hieutruong", next_url="/danh-sach/")
    expect(page.locator("main h1")).to_have_text("Nhập danh sách học sinh")
    expect(page.locator("header").get_by_role("link", name="Nhập danh sách")).to_be_visible()
    axe_check(page, label="roster upload")

    path = tmp_path / "lop-10a9.xlsx"
    _roster_file(path)
    page.get_by_label("Năm học (cho lớp mới)").fill("2025-2026")
    page.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và chọn cột").click()

    expect(page.locator("main h1")).to_have_text("Chọn cột cho từng thông tin")
    # Unaccented vnEdu headers were recognised.
    expect(page.get_by_label("Mã học sinh *")).to_have_value("1")
    expect(page.get_by_label("Ngày sinh")).to_have_value("3")
    axe_check(page, label="roster mapping")
    page.get_by_role("button", name="Xem trước").click()

    expect(page.locator("main h1")).to_have_text("Xem trước khi nhập")
    expect(page.locator("#valid-rows")).to_have_text("2")
    expect(page.locator("#row-errors")).to_contain_text("cột D (Ngay sinh)")
    expect(page.locator("#summary")).to_contain_text("10A9")  # a new class will be created
    axe_check(page, label="roster preview")
    page.get_by_role("button", name="Nhập 2 học sinh").click()

    # Eager Celery finishes inside the request; with a real worker the page polls until done.
    expect(page.locator("#import-status")).to_have_text("Hoàn tất", timeout=60_000)
    expect(page.locator("#created-count")).to_have_text("2")
    axe_check(page, label="roster result")
    page.get_by_role("link", name="Xem danh sách học sinh của trường").click()
    learners = page.locator("#learners")
    expect(learners).to_contain_text("Phạm Gia Huy")
    expect(learners).to_contain_text("Vàng A Sùng")
    expect(learners).not_to_contain_text("Lò Thị Mai")
    axe_check(page, label="school learners")
