"""Entering plans and tasks, and the update form's evidence validation (by content)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.plans.models import EvidenceFile, Plan, PlanTask, TaskUpdate
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _xlsx() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def _update(client, plan, task, unit, files=(), links=""):
    return client.post(reverse("plans:task_update", args=[plan.pk, task.pk]),
                       {"unit": unit.pk, "status": "done", "note": "Xong", "links": links,
                        "files": list(files), "token": "t1"})


def test_officer_enters_a_plan_and_a_task(client, people, tree):
    client.force_login(people["officer_a"])
    data = {"code": "kh-moi", "symbol": "5/KH-SGDĐT", "title": "Kế hoạch mới",
            "issuing_unit": tree["so_a"].pk, "period_start": "2026-01-01",
            "period_end": "2025-01-01", "is_tracked": "on"}
    response = client.post(reverse("plans:plan_create"), data)
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    response = client.post(reverse("plans:plan_create"), {**data, "period_end": "2026-12-31"})
    plan = Plan.objects.get(code="kh-moi")
    assert response.status_code == 302 and plan.created_by == people["officer_a"]
    task_data = {"title": "Tổ chức cuộc thi ý tưởng", "lead_unit": tree["school_y"].pk,
                 "deadline": "2026-10-31"}
    url = reverse("plans:task_create", args=[plan.pk])
    assert client.post(url, task_data).status_code == 400  # another province's school
    response = client.post(url, {**task_data, "lead_unit": tree["phong"].pk,
                                 "cooperating_units": [tree["school_x"].pk]})
    task = PlanTask.objects.get(plan=plan)
    assert response.status_code == 302 and task.order == 10
    assert list(task.cooperating_units.all()) == [tree["school_x"]]


def test_officer_cannot_create_a_plan_for_another_unit(client, people, tree):
    client.force_login(people["officer_a"])
    response = client.post(reverse("plans:plan_create"), {
        "code": "kh-b", "title": "Kế hoạch của Sở B", "issuing_unit": tree["so_b"].pk,
        "period_start": "2026-01-01"})
    assert response.status_code == 400 and not Plan.objects.filter(code="kh-b").exists()
    client.force_login(people["teacher_x"])
    assert client.get(reverse("plans:plan_create")).status_code == 404


@pytest.mark.parametrize("name,content", [
    ("bien-ban.pdf", pdf_bytes("Biên bản")), ("anh.png", PNG), ("so-lieu.xlsx", _xlsx())])
def test_accepted_evidence(client, people, plan, task1, tree, name, content):
    client.force_login(people["head_x"])
    upload = SimpleUploadedFile(name, content)
    assert _update(client, plan, task1, tree["school_x"], [upload]).status_code == 302
    evidence = EvidenceFile.objects.get()
    response = client.get(reverse("plans:evidence_file", args=[plan.pk, evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content
    client.force_login(people["officer_b"])  # another province: the file does not exist
    assert client.get(reverse("plans:evidence_file",
                              args=[plan.pk, evidence.pk])).status_code == 404


@pytest.mark.parametrize("name,content,message", [
    ("bien-ban.pdf", b"<html><script>alert(1)</script></html>", "không được nhận"),
    ("chay.exe", b"MZ\x90\x00" + b"\x00" * 100, "không được nhận"),
    ("anh.pdf", PNG, "không khớp"),
])
def test_rejected_evidence(client, people, plan, task1, tree, name, content, message):
    client.force_login(people["head_x"])
    response = _update(client, plan, task1, tree["school_x"],
                       [SimpleUploadedFile(name, content)])
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TaskUpdate.objects.exists() and not EvidenceFile.objects.exists()


def test_evidence_size_limit(client, people, plan, task1, tree, settings):
    settings.HOCMO_PLANS_EVIDENCE_MAX_MB = 0
    client.force_login(people["head_x"])
    response = _update(client, plan, task1, tree["school_x"],
                       [SimpleUploadedFile("bien-ban.pdf", pdf_bytes("x"))])
    assert response.status_code == 400 and "quá lớn" in response.content.decode()


def test_links_must_be_http(client, people, plan, task1, tree):
    client.force_login(people["head_x"])
    response = _update(client, plan, task1, tree["school_x"], links="javascript:alert(1)")
    assert response.status_code == 400 and not TaskUpdate.objects.exists()
    response = _update(client, plan, task1, tree["school_x"],
                       links="https://so.example.vn/tin-bai\n")
    assert response.status_code == 302
    assert TaskUpdate.objects.get().links == ["https://so.example.vn/tin-bai"]
    # The same form posted again (double click) does not add a second update.
    _update(client, plan, task1, tree["school_x"], links="https://so.example.vn/tin-bai")
    assert TaskUpdate.objects.count() == 1
