"""Celery tasks: idempotent, safe to retry."""

from lms.celery import shared_task


@shared_task(name="plans.overdue_reminders")
def overdue_reminders_task() -> int:
    """Daily: remind lead units of overdue tasks (deduplicated per task, person and day)."""
    from .services import overdue_reminders

    return overdue_reminders()


@shared_task(name="plans.annex_export_build")
def annex_export_build_task(job_id: int) -> None:
    """The plan's annex PDF for its status page (issue 19 item 13)."""
    from .services import annex_export_build

    annex_export_build(job_id)
