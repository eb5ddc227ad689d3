"""An export job's life: requested by an officer, its progress and result recorded while the
task builds it (lms/reports/exports.py builds the file; annual.py prepares annual reports)."""

from django.db import transaction
from django.utils import timezone

from ..models import ExportJob


def export_job_create(*, unit, requested_by, fmt: str) -> ExportJob:
    """An export asked for on the dashboard; built by a Celery task once the row commits."""
    from ..tasks import export_build_task

    job = ExportJob.objects.create(unit=unit, requested_by=requested_by, fmt=fmt)
    transaction.on_commit(lambda: export_build_task.delay(job.pk))
    return job


def export_job_progress(job_id: int, value: int) -> None:
    ExportJob.objects.filter(pk=job_id).update(progress=value)


def export_job_finish(job: ExportJob, *, filename: str, content: bytes) -> None:
    job.filename, job.content = filename, content
    job.progress, job.finished_at = 100, timezone.now()
    job.save(update_fields=["filename", "content", "progress", "finished_at"])


def export_job_fail(job_id: int, error: str) -> None:
    """Recorded for the poll page (the task re-raises for the worker)."""
    ExportJob.objects.filter(pk=job_id).update(error=error[:2000])
