"""The plans main path in a real browser: the Hải Phòng officer (canbo.so) opens the city's
2020 plan, sees its tasks with overdue ones flagged in words and the targets' attainment, posts
an update with a PDF as the lead unit, then exports the annex as XLSX and the test reads it."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def _log_in(page, base: str, username: str) -> None:
    log_in(page, base, username, "/ke-hoach/")


def test_officer_updates_a_task_and_exports_the_annex(demo_server, page, tmp_path):
    from lms.plans.models import Plan, TaskStatus
    from tests.factories import pdf_bytes

    base = demo_server.url
    plan = Plan.objects.get(code="kh-de-an-1665-hai-phong-2020")
    task = plan.tasks.get(number="1.2")
    _log_in(page, base, "canbo.so")
    expect(page.locator("main h1")).to_have_text("Kế hoạch và nhiệm vụ")
    # Hải Phòng's officer sees the city's plan and the ministry's, not Đồng Nai's.
    expect(page.get_by_role("link", name=plan.title)).to_be_visible()
    expect(page.get_by_text("Đồng Nai", exact=False)).to_have_count(0)
    axe_check(page, label="plans index")

    page.get_by_role("link", name=plan.title).click()
    expect(page.locator("main h1")).to_have_text(plan.title)
    targets = page.get_by_role("table", name="Kết quả thực hiện chỉ tiêu (từ số liệu báo cáo)")
    expect(targets).to_contain_text("100% học sinh THPT và GDNN-GDTX Hải Phòng")
    tasks = page.locator("#tasks")
    expect(tasks).to_contain_text("Câu lạc bộ khởi nghiệp")
    expect(tasks).to_contain_text("Quá hạn")  # in words, not only a colour
    axe_check(page, label="plan page")

    page.get_by_label("Tình trạng").select_option("overdue")
    page.get_by_role("button", name="Lọc").click()
    expect(tasks.get_by_role("link", name=task.title[:40], exact=False)).to_be_visible()
    tasks.get_by_role("link", name=task.title[:40], exact=False).click()
    expect(page.locator("main h1")).to_have_text("Nhiệm vụ 1.2")

    evidence = tmp_path / "bien-ban-phat-song.pdf"
    evidence.write_bytes(pdf_bytes("Biên bản phát sóng chuyên mục khởi nghiệp"))
    page.get_by_label("Tình trạng").select_option(TaskStatus.DONE)
    page.get_by_label("Nội dung cập nhật").fill("Chuyên mục “Khởi nghiệp học đường” đã phát sóng.")
    page.get_by_label("Đường liên kết minh chứng (mỗi dòng một địa chỉ)").fill(
        "https://haiphong.gov.vn/khoi-nghiep")
    page.get_by_label("Tệp minh chứng (PDF, ảnh, Word, Excel, PowerPoint)").set_input_files(
        str(evidence))
    page.get_by_role("button", name="Gửi cập nhật").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận cập nhật")
    expect(page.locator(".history")).to_contain_text("bien-ban-phat-song.pdf")
    axe_check(page, label="task page after update")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.updates.first().files.get().name == "bien-ban-phat-song.pdf"

    page.get_by_role("navigation", name="Vị trí").get_by_role("link", name=plan.title[:60],
                                                              exact=False).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel (XLSX)").click()
    with open(info.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    row = next(r for r in rows if r[0] == "1.2")
    assert row[1] == task.title and row[6] == "Hoàn thành"
    assert any(r[0] == "3.1" and "Quá hạn" in r[6] for r in rows)
    assert book.sheetnames[1] == "Chỉ tiêu"
