"""Celery tasks: take ids, idempotent (candidates are unique per subject and year)."""

from django.utils import timezone

from lms.celery import shared_task
from lms.units.models import Unit

from .services.evaluation import recognition_evaluate


@shared_task(name="recognition.evaluate")
def recognition_evaluate_task(unit_id: int | None, year: int) -> dict:
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
    if unit_id and unit is None:
        return {}
    return recognition_evaluate(unit=unit, year=year)


@shared_task(name="recognition.evaluate_recent")
def recognition_evaluate_recent_task() -> dict:
    """Nightly: the current year, and in January also the year just ended (completions made on
    31 December reach it)."""
    today = timezone.localdate()
    years = [today.year - 1, today.year] if today.month == 1 else [today.year]
    return {year: recognition_evaluate(unit=None, year=year) for year in years}
