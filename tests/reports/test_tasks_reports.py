"""Paths that go through Celery. Eager under `make test`; on a real worker under .ci/run's
PostgreSQL pass, where the worker reads committed data — hence transactional tests that poll."""

import io
import os

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import CourseCompletion
from lms.reports.models import ExportJob, Target
from lms.reports.tasks import learner_sync_task
from lms.units.models import RoleKind
from lms.units.services import unit_merge
from tests.concurrency import wait_for
from tests.factories import learner_in, staff_at

from .helpers import complete, figure

pytestmark = pytest.mark.django_db(transaction=True)
NEEDS_WORKER = os.environ.get("HOCMO_REQUIRE_CELERY_WORKER") == "1"


@pytest.fixture
def officer_a(tree):
    return staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-a", is_staff=True)


def _export(client, unit, fmt) -> ExportJob:
    response = client.post(reverse("reports:export_start", args=[unit.pk]), {"fmt": fmt})
    assert response.status_code == 302
    job = ExportJob.objects.filter(fmt=fmt).latest("pk")
    assert wait_for(lambda: ExportJob.objects.filter(pk=job.pk,
                                                      finished_at__isnull=False).exists())
    return job


def test_export_xlsx_matches_counters(client, tree, target, courses, officer_a, mailoutbox):
    learners = [learner_in(tree["x1"]) for _ in range(3)]
    complete(learners[0], courses[0])
    client.force_login(officer_a)
    job = _export(client, tree["so_a"], "xlsx")
    status = client.get(reverse("reports:export_status", args=[job.pk]))
    assert "Tải về" in status.content.decode()
    download = client.get(reverse("reports:export_download", args=[job.pk]))
    book = load_workbook(io.BytesIO(download.content))
    assert len(book.sheetnames) >= 4  # Sở, Phòng + Trường, Trường, Lớp levels
    row = [c.value for c in book[book.sheetnames[0]][5]]
    assert row[1] == "Sở GD&ĐT A" and (row[6], row[7]) == figure(target, tree["so_a"]) == (3, 1)
    if not NEEDS_WORKER:  # the worker's mail goes to its own backend
        mine = [m for m in mailoutbox if m.subject == "Báo cáo Sở GD&ĐT A"]
        assert mine and mine[0].to == [officer_a.email] and mine[0].attachments


def test_export_csv_and_pdf(client, tree, target, officer_a):
    learner_in(tree["x1"])
    client.force_login(officer_a)
    for fmt, magic in (("csv", "\ufeff".encode()), ("pdf", b"%PDF")):
        job = _export(client, tree["so_a"], fmt)
        body = client.get(reverse("reports:export_download", args=[job.pk])).content
        assert body.startswith(magic)


def test_officer_creates_target_and_it_is_computed(client, tree, officer_a, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    client.force_login(officer_a)
    response = client.post(reverse("reports:target_create", args=[tree["so_a"].pk]), {
        "code": "ks-so-a", "name": "Chỉ tiêu riêng của Sở A", "rule": "course",
        "population": "learners",
        "courses": [courses[0][0].pk], "threshold_kind": "percent", "threshold": "95",
        "period_label": "2026", "period_start": "2025-01-01", "period_end": "2030-12-31",
        "household": "any", "min_courses": 1})
    assert response.status_code == 302
    target = Target.objects.get(code="ks-so-a")
    assert target.unit == tree["so_a"]
    assert wait_for(lambda: figure(target, tree["so_a"]) == (1, 1))


def test_merge_reconciles_a_province_target(tree, courses, target):
    province_target = Target.objects.create(
        code="b", name="Chỉ tiêu Sở B", unit=tree["so_b"], threshold=50,
        period_label="2025-2026", period_start=target.period_start,
        period_end=target.period_end)
    province_target.courses.set([courses[0][0]])
    learner = learner_in(tree["x1"])
    unit_merge(source=tree["so_a"], target=tree["so_b"])
    assert wait_for(lambda: figure(province_target, tree["so_b"]) == (1, 0))
    assert figure(target, tree["so_b"]) == (1, 0)
    complete(learner, courses[0])
    assert figure(province_target, tree["so_b"]) == (1, 1)


def test_deferred_sync_counts_a_completion_the_signal_missed(tree, target, courses):
    learner = learner_in(tree["x1"])
    CourseCompletion.objects.create(user=learner, course=courses[0][0],
                                    completed_at=timezone.now())  # no signal sent
    assert figure(target, tree["bo"]) == (1, 0)
    assert learner_sync_task.delay(learner.pk).get(timeout=30) == 1
    assert figure(target, tree["bo"]) == (1, 1)
    assert figure(target, tree["x1"]) == (1, 1)
