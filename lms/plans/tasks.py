"""Celery tasks: idempotent, safe to retry."""

from celery import shared_task


@shared_task(name="plans.overdue_reminders")
def overdue_reminders_task() -> int:
    """Daily: remind lead units of overdue tasks (deduplicated per task, person and day)."""
    from .services import overdue_reminders

    return overdue_reminders()
