"""Annual reports prepared ahead of deadlines (the `reports.annual_prepare` beat task): built
for every unit with an officer, once per unit and period, downloadable by the unit's managers
only. Transactional tests that poll, so they also pass against a real Celery worker."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.reports.models import ExportJob, Target
from lms.reports.services.annual import annual_reports_prepare
from lms.reports.tasks import annual_prepare_task
from lms.units.models import RoleKind
from tests.concurrency import wait_for
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = datetime.date(2030, 12, 5)


@pytest.fixture
def officers(tree):
    return {"phong": staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong"),
            "so_a": staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-so-a"),
            "so_b": staff_at(tree["so_b"], RoleKind.OFFICER, username="canbo-so-b")}


def _all_built():
    return not ExportJob.objects.filter(target__isnull=False, finished_at__isnull=True).exists()


def test_reports_are_prepared_once_for_units_with_officers(tree, target, officers):
    learner_in(tree["x1"])
    staff_at(tree["school_x"], RoleKind.SCHOOL_ADMIN, username="hieu-truong")
    first = annual_reports_prepare(TODAY)  # deadline 15/12/2030 is within 14 days
    jobs = ExportJob.objects.filter(pk__in=first)
    assert {(j.unit_id, j.fmt) for j in jobs} == {
        (unit.pk, fmt) for unit in (tree["phong"], tree["so_a"], tree["so_b"])
        for fmt in ("xlsx", "pdf")}
    assert all(j.period_label == "2025-2026" and j.requested_by is None for j in jobs)
    assert wait_for(_all_built)
    assert annual_reports_prepare(TODAY) == []  # idempotent
    second = Target.objects.create(  # same period, later deadline: no second report
        code="khac", name="Chỉ tiêu khác", unit=tree["bo"], threshold=50,
        period_label="2025-2026", period_start=target.period_start,
        period_end=target.period_end, deadline=datetime.date(2030, 12, 16))
    assert second.pk and annual_reports_prepare(TODAY) == []
    assert annual_prepare_task.delay().get(timeout=30) == 0


def test_nothing_prepared_far_from_the_deadline(tree, target, officers):
    assert annual_reports_prepare(datetime.date(2030, 10, 1)) == []
    assert annual_reports_prepare(datetime.date(2030, 12, 16)) == []  # deadline passed


def test_managers_of_the_unit_download_the_prepared_report(client, tree, target, officers):
    learner_in(tree["x1"])
    annual_reports_prepare(TODAY)
    assert wait_for(_all_built)
    job = ExportJob.objects.get(unit=tree["phong"], fmt="xlsx")
    assert job.filename.startswith("bao-cao-nam-2025-2026-")
    client.force_login(officers["phong"])
    dashboard = client.get(reverse("reports:dashboard", args=[tree["phong"].pk]))
    assert job.filename in dashboard.content.decode()
    download = client.get(reverse("reports:export_download", args=[job.pk]))
    assert download.status_code == 200
    book = load_workbook(io.BytesIO(download.content))
    assert "Phân tách" in book.sheetnames
    assert client.get(reverse("reports:export_status", args=[job.pk])).status_code == 200
    client.force_login(officers["so_a"])  # the parent's officer manages the subtree too
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 200
    for forbidden in (officers["so_b"],
                      staff_at(tree["school_x"], RoleKind.TEACHER, username="gv")):
        client.force_login(forbidden)
        assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 404
