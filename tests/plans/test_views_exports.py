"""The plan's annex: XLSX laid out like a government annex, and a PDF with the tasks' text."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from lms.plans import services
from lms.plans.exports import annex_headers
from lms.plans.models import TaskStatus
from lms.reports.models import Target, TargetUnitCounter

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_target(plan, tree):
    target = Target.objects.create(
        code="kn-90", name="90% học sinh được học khởi nghiệp", unit=tree["so_a"], threshold=90,
        period_label="2026", period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31))
    TargetUnitCounter.objects.create(target=target, unit=tree["so_a"], population=20,
                                     trained=9)
    plan.targets.add(target)
    return target


def test_xlsx_annex(client, people, plan, task1, tree, with_target):
    services.task_update_post(actor=people["head_x"], task=task1, unit=tree["school_x"],
                              status=TaskStatus.DONE)
    client.force_login(people["head_x"])
    response = client.get(reverse("plans:export_xlsx", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="phu-luc-kh-so-a-2026.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = [tuple(c for c in row) for row in sheet.iter_rows(values_only=True)]
    header = rows.index(tuple(annex_headers()))
    assert annex_headers() == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
                               "Thời hạn", "Sản phẩm", "Tình trạng"]
    assert "(Kèm theo Kế hoạch số 12/KH-SGDĐT ngày 10/01/2026 của Sở GD&ĐT A)" in [
        r[0] for r in rows[:header]]
    body = rows[header + 1:]
    assert body[0][1] == "I. Truyền thông"  # the section heading row
    assert body[1] == ("1", "Thành lập câu lạc bộ khởi nghiệp", "Phòng GDTrH", "THPT X",
                       "Tháng 3/2026 (31/03/2026)", "Quyết định thành lập CLB", "Hoàn thành")
    assert body[2][1] == "Tập huấn giáo viên hướng nghiệp" and body[2][2] == "Phòng GD&ĐT A1"
    targets = book.worksheets[1]
    row = [r for r in targets.iter_rows(values_only=True) if r[1] == "kn-90"][0]
    assert row[5:9] == (20, 9, 45.0, 9)


def test_pdf_annex_contains_the_tasks(client, people, plan, with_target,
                                      django_capture_on_commit_callbacks, annex_task_runs_here):
    client.force_login(people["officer_a"])
    with django_capture_on_commit_callbacks(execute=True):  # the Celery task, eager
        started = client.post(reverse("plans:export_pdf", args=[plan.pk]))
    status = client.get(started["Location"]).content.decode()
    download = status.split('id="download" href="', 1)[1].split('"', 1)[0]
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "PHÂN CÔNG NHIỆM VỤ" in text
    assert "Thành lập câu lạc bộ khởi nghiệp" in text
    assert "90% học sinh được học khởi nghiệp" in text
