"""Annual reports prepared ahead of deadlines (the `reports.annual_prepare` beat task).

REPORTS_PREPARE_DAYS (default 14) days before a target's deadline, every unit of the target's
subtree that has an officer gets its annual report for the target's period built — XLSX and
PDF, as ExportJob rows with `target` set and no requester — so the officers find it ready on
their dashboard. One report per unit, period and format: a second target of the same period, or
a second run of the task, creates nothing. Reminders to units that are behind follow the same
day (`snapshots.deadline_reminders`, whose mail points at the dashboard)."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from lms.units.models import Role, RoleKind, Unit

from ..models import ExportFormat, ExportJob, Target

PREPARED_FORMATS = (ExportFormat.XLSX, ExportFormat.PDF)


def prepare_days() -> int:
    return settings.REPORTS_PREPARE_DAYS


def units_with_officers(target: Target) -> list[Unit]:
    """Units of the target's subtree where a live officer role sits (offices, not schools'
    staff: their school admins export on demand)."""
    ids = (Role.objects.filter(kind=RoleKind.OFFICER, ended_at__isnull=True,
                               unit_path__startswith=target.unit.path)
           .values("unit_id"))
    return list(Unit.objects.filter(pk__in=ids, kind__is_class=False).order_by("path"))


def annual_reports_prepare(today: datetime.date) -> list[int]:
    """Create (and schedule the build of) the missing prepared reports. Returns new job ids."""
    from ..tasks import export_build_task

    soon = today + datetime.timedelta(days=prepare_days())
    created = []
    targets = list(Target.objects.filter(is_active=True, deadline__gte=today, deadline__lte=soon)
                   .select_related("unit").order_by("deadline", "pk"))
    # (unit, period, format) of the reports prepared already: one query, not one per unit.
    prepared = set(ExportJob.objects.filter(
        target__isnull=False, period_label__in={t.period_label for t in targets})
        .values_list("unit_id", "period_label", "fmt"))
    for target in targets:
        for unit in units_with_officers(target):
            for fmt in PREPARED_FORMATS:
                key = (unit.pk, target.period_label, fmt)
                if key in prepared:
                    continue  # this unit's report for the period is prepared already
                prepared.add(key)
                try:
                    with transaction.atomic():
                        job = ExportJob.objects.create(unit=unit, target=target, fmt=fmt,
                                                       period_label=target.period_label)
                except IntegrityError:  # a concurrent run made it
                    continue
                created.append(job.pk)
    for job_id in created:
        transaction.on_commit(  # a lambda with a default argument: mypy cannot infer it
            lambda job_id=job_id: export_build_task.delay(job_id))  # type: ignore[misc]
    return created
