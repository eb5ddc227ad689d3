"""Celery tasks: take IDs, idempotent, safe to retry."""

from lms.celery import shared_task


@shared_task(name="contests.results_notify", autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)
def results_notify_task(round_unit_id: int) -> int:
    from .notices import results_notify

    return results_notify(round_unit_id)
