import io
import time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.accounts.models import LearnerProfile
from lms.roster.models import ImportStatus, RosterImport
from lms.roster.services import roster_commit
from lms.units.models import RoleKind
from tests.factories import staff_at

from .helpers import student, upload, xlsx_bytes


def _upload(client, school, rows):
    return client.post(reverse("roster:index"), {"school": school.pk, "school_year": "2025-2026",
                                                 "file": upload(xlsx_bytes(rows))})


def test_upload_mapping_preview_commit_and_export(client, school, school_admin):
    client.force_login(school_admin)
    response = _upload(client, school, [student(1), student(2, **{"Giới tính": "x"})])
    imp = RosterImport.objects.get()
    assert response.url == reverse("roster:mapping", args=[imp.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    assert 'value="1" selected' in page.content.decode()  # "Mã học sinh" guessed to column B
    form = {key: str(index) for key, index in imp.mapping.items()}
    response = client.post(reverse("roster:mapping", args=[imp.pk]), form)
    assert response.url == reverse("roster:preview", args=[imp.pk])
    html = client.get(response.url).content.decode()
    assert "cột E (Giới tính)" in html
    response = client.post(reverse("roster:commit", args=[imp.pk]))
    assert response.url == reverse("roster:detail", args=[imp.pk])
    imp.refresh_from_db()
    # The task is queued on commit of the request's transaction; this test's transaction never
    # commits, so run what the worker runs (the transactional test below uses the real task).
    assert imp.status == ImportStatus.QUEUED
    assert "import-progress" in client.get(response.url).content.decode()
    imp = roster_commit(import_id=imp.pk)
    assert imp.status == ImportStatus.DONE and imp.created_count == 1
    report = client.get(reverse("roster:error_report", args=[imp.pk]))
    assert report.status_code == 200
    export = client.get(reverse("roster:export", args=[school.pk]))
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mã học sinh" and rows[1][0] == "HS00001"
    assert "HS00001" in client.get(reverse("roster:school", args=[school.pk])).content.decode()


def test_mapping_requires_the_key_columns(client, school, school_admin):
    client.force_login(school_admin)
    _upload(client, school, [student(1)])
    imp = RosterImport.objects.get()
    response = client.post(reverse("roster:mapping", args=[imp.pk]), {"full_name": "2"})
    assert response.status_code == 200
    assert "learner_code" in response.context["form"].errors


def test_wrong_file_type_is_a_form_error(client, school, school_admin):
    client.force_login(school_admin)
    response = client.post(reverse("roster:index"), {
        "school": school.pk, "file": upload(b"\x89PNG\r\n\x1a\n\0\0", "anh.xlsx")})
    assert response.status_code == 200
    assert "không phải bảng tính" in response.content.decode()
    assert not RosterImport.objects.exists()


def test_forbidden_access(client, school, school_admin):
    client.force_login(school_admin)
    _upload(client, school, [student(1)])
    imp = RosterImport.objects.get()
    teacher = staff_at(school, RoleKind.TEACHER, is_staff=True)
    other_admin = staff_at(school.other, RoleKind.SCHOOL_ADMIN, is_staff=True)
    for user in (teacher, other_admin):
        client.force_login(user)
        for name in ("mapping", "preview", "detail", "status"):
            assert client.get(reverse(f"roster:{name}", args=[imp.pk])).status_code == 404
        assert client.post(reverse("roster:commit", args=[imp.pk])).status_code == 404
        assert client.get(reverse("roster:export", args=[school.pk])).status_code == 404
    client.force_login(teacher)
    assert client.get(reverse("roster:index")).status_code == 404
    # Commit is POST only (CSRF-protected), never a GET.
    client.force_login(school_admin)
    assert client.get(reverse("roster:commit", args=[imp.pk])).status_code == 405
    client.logout()
    assert client.get(reverse("roster:index")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_commit_runs_in_the_celery_task_and_reports_progress(client, school, school_admin):
    """With a real worker (CI's PostgreSQL run) the task runs out of process: poll for it."""
    client.force_login(school_admin)
    _upload(client, school, [student(n) for n in range(1, 31)])
    imp = RosterImport.objects.get()
    client.post(reverse("roster:mapping", args=[imp.pk]),
                {key: str(index) for key, index in imp.mapping.items()})
    client.post(reverse("roster:commit", args=[imp.pk]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        data = client.get(reverse("roster:status", args=[imp.pk])).json()
        if not data["running"]:
            break
        time.sleep(0.5)
    assert data["status"] == "done" and data["percent"] == 100
    assert LearnerProfile.objects.count() == 30
