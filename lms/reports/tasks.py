"""Celery tasks: take ids, idempotent, safe to retry."""

from django.utils import timezone

from lms.celery import shared_task

from .models import Target
from .services import rebuild


@shared_task(name="reports.learner_sync", autoretry_for=(Exception,), retry_backoff=True,
             max_retries=5)
def learner_sync_task(learner_id: int) -> int:
    from .services import learner_sync

    return learner_sync(learner_id)


@shared_task(name="reports.tree_watch")
def tree_watch_task() -> bool:
    return rebuild.tree_watch()


@shared_task(name="reports.reconcile_all")
def reconcile_all_task() -> int:
    """Hourly safety net for roster changes made without signals (bulk imports)."""
    targets = list(Target.objects.filter(is_active=True).select_related("unit"))
    for target in targets:
        rebuild.target_reconcile(target)
    return len(targets)


@shared_task(name="reports.snapshots_take")
def snapshots_take_task() -> int:
    from .services.snapshots import snapshots_take

    return snapshots_take(timezone.localdate())


@shared_task(name="reports.export_build")
def export_build_task(job_id: int) -> None:
    from .exports import export_build

    export_build(job_id)


@shared_task(name="reports.deadline_reminders")
def deadline_reminders_task() -> int:
    from .services.snapshots import deadline_reminders

    return deadline_reminders(timezone.localdate())


@shared_task(name="reports.annual_prepare")
def annual_prepare_task() -> int:
    """Daily: build each unit's annual report ahead of its targets' deadlines."""
    from .services.annual import annual_reports_prepare

    return len(annual_reports_prepare(timezone.localdate()))
