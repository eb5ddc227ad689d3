"""Posting updates: append-only history, the task's status is the latest, idempotent by form
token, permission checked again in the service, nothing half-saved."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from lms.plans import services
from lms.plans.files import evidence_storage
from lms.plans.models import EvidenceFile, TaskStatus, TaskUpdate
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db


def test_latest_update_is_the_task_status_and_history_is_kept(people, task1, tree):
    services.task_update_post(actor=people["head_x"], task=task1, unit=tree["school_x"],
                              status=TaskStatus.DONE, note="Trường đã xong")
    services.task_update_post(actor=people["officer_a"], task=task1, unit=tree["so_a"],
                              status=TaskStatus.IN_PROGRESS, note="Còn chờ trường khác")
    task1.refresh_from_db()
    assert task1.status == TaskStatus.IN_PROGRESS
    assert list(task1.updates.values_list("status", flat=True)) == [TaskStatus.IN_PROGRESS,
                                                                   TaskStatus.DONE]
    from lms.plans.selectors import latest_by_unit

    assert {u.unit: u.status for u in latest_by_unit(task1)} == {
        tree["so_a"]: TaskStatus.IN_PROGRESS, tree["school_x"]: TaskStatus.DONE}


def test_same_token_twice_writes_once(people, task1, tree):
    first, created = services.task_update_post(
        actor=people["head_x"], task=task1, unit=tree["school_x"], status=TaskStatus.DONE,
        token="abc123")
    again, created_again = services.task_update_post(
        actor=people["head_x"], task=task1, unit=tree["school_x"], status=TaskStatus.DONE,
        token="abc123")
    assert created and not created_again and first.pk == again.pk
    assert TaskUpdate.objects.count() == 1


def test_service_refuses_a_unit_the_user_cannot_report_for(people, task1, tree):
    with pytest.raises(PermissionDenied):
        services.task_update_post(actor=people["head_y"], task=task1, unit=tree["school_y"],
                                  status=TaskStatus.DONE)
    assert not TaskUpdate.objects.exists()


def test_evidence_is_stored_privately(people, task1, tree):
    upload = ContentFile(pdf_bytes("Biên bản"), name="bien-ban.pdf")
    update, _ = services.task_update_post(actor=people["head_x"], task=task1,
                                          unit=tree["school_x"], status=TaskStatus.DONE,
                                          files=[(upload, "application/pdf")])
    evidence = update.files.get()
    assert evidence_storage.exists(evidence.file.name)
    assert evidence.name == "bien-ban.pdf" and evidence.content_type == "application/pdf"
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018 - no public URL, only the permission-checked view


def test_failure_leaves_nothing_half_saved(people, task1, tree, monkeypatch):
    upload = ContentFile(pdf_bytes("Biên bản"), name="bien-ban.pdf")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(EvidenceFile, "save", boom)
    with pytest.raises(RuntimeError):
        services.task_update_post(actor=people["head_x"], task=task1, unit=tree["school_x"],
                                  status=TaskStatus.DONE, files=[(upload, "application/pdf")])
    task1.refresh_from_db()
    assert task1.status == TaskStatus.NOT_STARTED
    assert not TaskUpdate.objects.exists()
    import os

    stored = [f for _d, _s, files in os.walk(evidence_storage.location) for f in files]
    assert stored == []  # the file written before the failure was removed
