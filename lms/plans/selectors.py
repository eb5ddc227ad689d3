"""Reads for plans. Overdue is computed here from the deadline and the server's local date
(Asia/Ho_Chi_Minh), never stored. Target figures come from lms.reports' counters
(`unit_attainments`), never from progress rows."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from lms.reports.selectors import unit_attainments

from .models import PlanTask, TaskStatus, TaskUpdate

OVERDUE = "overdue"
STATUS_FILTERS = [*TaskStatus.values, OVERDUE]


def today() -> datetime.date:
    return timezone.localdate()  # TIME_ZONE is Asia/Ho_Chi_Minh


def overdue_q(day: datetime.date) -> Q:
    return Q(deadline__lt=day) & ~Q(status=TaskStatus.DONE)


def task_is_overdue(task: PlanTask, day: datetime.date | None = None) -> bool:
    day = day or today()
    return bool(task.deadline and task.deadline < day and task.status != TaskStatus.DONE)


def _mark(tasks, day):
    for task in tasks:
        task.overdue = task_is_overdue(task, day)
        task.days_overdue = (day - task.deadline).days if task.overdue else 0
    return tasks


def plan_tasks(plan, *, status: str = "", unit_id: int | None = None,
               day: datetime.date | None = None) -> list[PlanTask]:
    """The plan's tasks in document order, filtered by status (or "overdue") and by a unit that
    leads or cooperates; each carries `.overdue` and `.days_overdue`."""
    day = day or today()
    tasks = plan.tasks.select_related("lead_unit", "target").prefetch_related("cooperating_units")
    if status == OVERDUE:
        tasks = tasks.filter(overdue_q(day))
    elif status in TaskStatus.values:
        tasks = tasks.filter(status=status)
    if unit_id:
        tasks = tasks.filter(Q(lead_unit_id=unit_id) | Q(cooperating_units=unit_id)).distinct()
    return _mark(list(tasks), day)


def plan_units(plan) -> list:
    """Units that lead or cooperate on a task of the plan (the unit filter's choices)."""
    from lms.units.models import Unit

    return list(Unit.objects.filter(
        Q(pk__in=plan.tasks.values("lead_unit_id"))
        | Q(pk__in=PlanTask.cooperating_units.through.objects.filter(plantask__plan=plan)
            .values("unit_id"))).order_by("path"))


def plan_counts(plan, day: datetime.date | None = None) -> dict:
    day = day or today()
    counts = plan.tasks.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        in_progress=Count("pk", filter=Q(status=TaskStatus.IN_PROGRESS)),
        not_started=Count("pk", filter=Q(status=TaskStatus.NOT_STARTED)),
        overdue=Count("pk", filter=overdue_q(day)))
    counts["percent_done"] = round(100 * counts["done"] / counts["total"]) if counts["total"] else 0
    return counts


def plans_with_counts(plans, day: datetime.date | None = None):
    day = day or today()
    overdue = Q(tasks__deadline__lt=day) & ~Q(tasks__status=TaskStatus.DONE)
    return (plans.select_related("issuing_unit")
            .annotate(n_tasks=Count("tasks", distinct=True),
                      n_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE),
                                   distinct=True),
                      n_overdue=Count("tasks", filter=overdue, distinct=True))
            .order_by("-period_start", "title"))


def plan_attainments(plan) -> list:
    """Each target's attainment, read at the plan's unit — or at the target's own unit when the
    target is set below the plan's unit (counters start at the target's unit)."""
    by_unit: dict = {}
    for target in plan.targets.select_related("unit").order_by("code"):
        unit = target.unit if target.unit.path.startswith(plan.issuing_unit.path) \
            else plan.issuing_unit
        by_unit.setdefault(unit.pk, (unit, []))[1].append(target)
    figures = []
    for unit, targets in by_unit.values():
        figures.extend(unit_attainments(unit, targets))
    return sorted(figures, key=lambda a: a.target.code)


def task_history(task):
    return (task.updates.select_related("unit", "author")
            .prefetch_related("files").order_by("-created_at", "-pk"))


def latest_by_unit(task, history=None) -> list[TaskUpdate]:
    """The newest update of each unit that reported on the task (from `history`, newest
    first, when the caller already read it)."""
    if history is None:
        history = task.updates.select_related("unit").order_by("-created_at", "-pk")
    seen, rows = set(), []
    for update in history:
        if update.unit_id not in seen:
            seen.add(update.unit_id)
            rows.append(update)
    return rows


def overdue_tasks(day: datetime.date):
    """Tasks of tracked plans past their deadline and not done (the reminder job's list)."""
    return (PlanTask.objects.filter(overdue_q(day), plan__is_tracked=True)
            .select_related("plan", "lead_unit").order_by("plan_id", "order", "pk"))


def task_status_text(task: PlanTask) -> str:
    """The status in words, with "overdue" spelled out (never shown by colour alone)."""
    from django.utils.translation import gettext as _

    label = str(TaskStatus(task.status).label)
    if getattr(task, "overdue", False):
        return _("%(status)s — Quá hạn %(days)s ngày") % {"status": label,
                                                          "days": task.days_overdue}  # type: ignore[attr-defined]
    return label
