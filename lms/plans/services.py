"""State changes for plans: create/edit plans and tasks, post a unit's update with evidence,
and the daily overdue reminders. Views and tasks call these; nothing else writes the models."""

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING, cast

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.units.capabilities import Capability, kinds_with
from lms.units.models import Role

from .models import AnnexExport, EvidenceFile, Plan, PlanTask, TaskUpdate
from .permissions import update_units
from .selectors import overdue_tasks

if TYPE_CHECKING:
    from lms.accounts.models import User

# Not one of lms.notifications' registered events: its generic text builder renders the
# title/body/sms we pass (see docs/features/plans.md — registering it is a follow-up there).
OVERDUE_EVENT = "plan_task_overdue"


@transaction.atomic
def plan_save(*, actor, plan: Plan, targets=None) -> Plan:
    """Create or update a plan (fields already set on the instance) and its targets."""
    if plan.pk is None:
        plan.created_by = actor
    plan.save()
    if targets is not None:
        plan.targets.set(targets)
    return plan


@transaction.atomic
def task_save(*, task: PlanTask, cooperating_units=None) -> PlanTask:
    if task.pk is None and not task.order:
        last = task.plan.tasks.order_by("-order").values_list("order", flat=True).first()
        task.order = (last or 0) + 10
    task.save()
    if cooperating_units is not None:
        task.cooperating_units.set(cooperating_units)
    return task


def task_update_post(*, actor, task: PlanTask, unit, status: str, note: str = "",
                     links: list[str] | None = None, files: list | None = None,
                     token: str | None = None) -> tuple[TaskUpdate, bool]:
    """Append `unit`'s update to the task and make its status the task's status. `files` are
    (upload, sniffed mime) pairs already validated. Repeating a call with the same `token`
    returns the first update (created=False) and writes nothing."""
    if unit not in update_units(actor, task):
        raise PermissionDenied
    if token:
        existing = TaskUpdate.objects.filter(task=task, client_token=token).first()
        if existing:
            return existing, False
    saved_names: list[str] = []
    try:
        with transaction.atomic():
            update = TaskUpdate.objects.create(task=task, unit=unit, status=status, note=note,
                                               links=links or [], author=actor,
                                               client_token=token or None)
            for upload, mime in files or []:
                evidence = EvidenceFile(update=update, name=upload.name[:200],
                                        content_type=mime, size=upload.size)
                evidence.file.save(upload.name, upload, save=False)
                saved_names.append(cast(str, evidence.file.name))  # set by save()
                evidence.save()
            PlanTask.objects.filter(pk=task.pk).update(status=status,
                                                       status_changed_at=update.created_at)
    except IntegrityError:
        _discard(saved_names)
        existing = TaskUpdate.objects.filter(task=task, client_token=token).first()
        if token and existing:  # a concurrent twin of this POST won the race
            return existing, False
        raise
    except Exception:
        _discard(saved_names)  # nothing half-saved: no orphan files for a rolled-back update
        raise
    task.status, task.status_changed_at = status, update.created_at
    return update, True


def _discard(names: list[str]) -> None:
    from .files import evidence_storage

    for name in names:
        evidence_storage.delete(name)


def _reminder_text(task: PlanTask, day: datetime.date) -> dict:
    deadline = cast(datetime.date, task.deadline)  # an overdue task has a deadline
    days = (day - deadline).days
    values = {"task": task.title[:120], "plan": task.plan.symbol or task.plan.title[:60],
              "deadline": deadline.strftime("%d/%m/%Y"), "days": days}
    title = _("Nhiệm vụ quá hạn %(days)s ngày: %(task)s") % values
    body = _("Nhiệm vụ “%(task)s” của kế hoạch %(plan)s đã quá thời hạn %(deadline)s và chưa "
             "hoàn thành. Hãy cập nhật tình trạng và minh chứng.") % values
    sms = _("HocMo: nhiem vu qua han %(days)s ngay (%(plan)s)") % values
    return {"title": title, "body": body, "sms": sms,
            "url": f"/ke-hoach/{task.plan_id}/nhiem-vu/{task.pk}/"}


def overdue_reminders(day: datetime.date | None = None) -> int:
    """Remind the officers and school heads of each overdue task's lead unit (roles at that
    unit itself, not every supervisor above it). One reminder per task, person and day: the
    dedupe key makes a re-run the same day send nothing."""
    from lms.notifications.services import notification_send

    day = day or timezone.localdate()
    tasks = overdue_tasks(day)
    # The people of every lead unit at once, not one role query per overdue task.
    people: defaultdict[int, dict[int, User]] = defaultdict(dict)  # lead unit → {user id: user}
    for role in (Role.objects.filter(unit_id__in=tasks.values("lead_unit_id"),
                                     kind__in=kinds_with(Capability.MANAGE_PLANS),
                                     ended_at__isnull=True)
                 .select_related("user")):
        people[role.unit_id][role.user_id] = role.user
    sent = 0
    for task in tasks.iterator(chunk_size=200):
        for user in people[task.lead_unit_id].values():
            with translation.override(getattr(user, "preferred_language", "") or "vi"):
                context = _reminder_text(task, day)
            if notification_send(user, OVERDUE_EVENT, context,
                                 dedupe_key=f"plan_overdue:{task.pk}:{day.isoformat()}"):
                sent += 1
    return sent


# --- the annex PDF, built by a Celery task (issue 19 item 13) -----------------------------------
def annex_export_create(*, actor, plan: Plan, language: str = "vi") -> AnnexExport:
    """Asked for on the plan page; built by `plans.annex_export_build` once the row commits."""
    from .tasks import annex_export_build_task

    job = AnnexExport.objects.create(plan=plan, requested_by=actor, language=language[:5])
    transaction.on_commit(lambda: annex_export_build_task.delay(job.pk))
    return job


def annex_export_build(job_id: int) -> None:
    """Idempotent: a finished job is left alone, a retried one starts over. Progress is written
    as it goes for the status page; a failure is recorded there and re-raised for the worker."""
    from .exports import annex_pdf

    job = AnnexExport.objects.select_related("plan").filter(pk=job_id).first()
    if job is None or job.finished_at:
        return

    def progress(value: int) -> None:
        AnnexExport.objects.filter(pk=job_id).update(progress=value)

    with translation.override(job.language or "vi"):
        try:
            progress(10)
            content = annex_pdf(job.plan, progress)
        except Exception as exc:
            AnnexExport.objects.filter(pk=job_id).update(error=str(exc)[:2000] or "error")
            raise
    job.content, job.filename = content, f"phu-luc-{job.plan.code}.pdf"
    job.progress, job.finished_at = 100, timezone.now()
    job.save(update_fields=["content", "filename", "progress", "finished_at"])
