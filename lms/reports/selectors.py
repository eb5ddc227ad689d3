"""Reads for reports. Every figure comes from TargetUnitCounter (pre-aggregated), never from
raw progress rows; the only per-learner reads are a class's own lists."""

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.units.models import Unit

from .models import (
    ExportJob,
    Target,
    TargetLearner,
    TargetSnapshot,
    TargetUnitCounter,
    ThresholdKind,
)
from .splits import SPLIT_DIMS, splits_of

STATUS_LABELS = {
    "met": _("Đã đạt"),
    "on_track": _("Đúng tiến độ"),
    "at_risk": _("Có nguy cơ"),
    "behind": _("Chậm tiến độ"),
    # Nobody in scope: not applicable, never "met" (and never counted as met in roll-ups).
    "not_applicable": _("Không có đối tượng"),
    # A sub-unit of an absolute target ("50 people a year"): the threshold is the target's own
    # unit's; a sub-unit shows what it contributes, with no required/gap/status of its own.
    "contribution": _("Đóng góp"),
}


@dataclass
class Attainment:
    """One unit's figure for one target. Percentage targets apply at every unit of the
    subtree (each unit's own population × threshold). Absolute targets apply at the target's
    own unit only; below it the figure is a contribution: `share` of `total_trained`, the
    target unit's trained count."""

    target: Target
    unit: Unit
    population: int = 0
    trained: int = 0
    splits: dict = field(default_factory=dict)
    total_trained: int = 0  # the target's own unit's trained count (absolute targets)

    @property
    def not_applicable(self) -> bool:
        return self.population == 0

    @property
    def is_contribution(self) -> bool:
        return (self.target.threshold_kind == ThresholdKind.ABSOLUTE
                and self.unit.pk != self.target.unit_id)

    @property
    def percent(self) -> float:
        return round(100 * self.trained / self.population, 1) if self.population else 0.0

    @property
    def share(self) -> float:
        """Per cent of the target unit's trained people who are in this unit."""
        return round(100 * self.trained / self.total_trained, 1) if self.total_trained else 0.0

    @property
    def required(self) -> int | None:
        """People who must be trained to meet the threshold in this unit; None when the unit
        has no threshold of its own (nobody in scope, or a sub-unit of an absolute target)."""
        if self.not_applicable or self.is_contribution:
            return None
        if self.target.threshold_kind == ThresholdKind.ABSOLUTE:
            return int(self.target.threshold)
        return math.ceil(self.population * self.target.threshold / Decimal(100))

    @property
    def gap(self) -> int | None:
        required = self.required
        return None if required is None else max(0, required - self.trained)

    @property
    def status(self) -> str:
        if self.not_applicable:
            return "not_applicable"
        if self.is_contribution:
            return "contribution"
        return attainment_status(self.target, self.trained, self.required or 0)

    @property
    def is_met(self) -> bool:
        return self.status == "met"

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def threshold_percent(self) -> float | None:
        """The threshold as a share of this unit's population (None without a threshold)."""
        if self.target.threshold_kind == ThresholdKind.PERCENT:
            return float(self.target.threshold)
        required = self.required
        return round(100 * required / self.population, 1) if required is not None else None


def met_summary(rows: list["Attainment"]) -> dict:
    """Roll-up of units: how many met, out of those with a threshold of their own (units with
    nobody in scope and contributions are never counted as met, nor as applicable)."""
    applicable = [a for a in rows if a.status not in ("not_applicable", "contribution")]
    return {"met": sum(a.is_met for a in applicable), "applicable": len(applicable),
            "not_applicable": sum(a.not_applicable for a in rows)}


def target_totals(targets) -> dict[int, int]:
    """Trained count at each absolute target's own unit (one query), for contributions."""
    absolute = [t.pk for t in targets if t.threshold_kind == ThresholdKind.ABSOLUTE]
    if not absolute:
        return {}
    return dict(TargetUnitCounter.objects.filter(target_id__in=absolute,
                                                 unit_id=F("target__unit_id"))
                .values("target_id").annotate(t=Sum("trained")).values_list("target_id", "t"))


def attainment_status(target: Target, trained: int, required: int,
                      today: datetime.date | None = None) -> str:
    """Met, or where the unit stands against a straight line from 0 at the period's start to
    the threshold at its end (with a 20% margin before "behind")."""
    if trained >= required:  # callers decide "not applicable" (population 0) first
        return "met"
    today = today or timezone.localdate()
    span = max(1, (target.period_end - target.period_start).days)
    elapsed = min(1.0, max(0.0, (today - target.period_start).days / span))
    expected = required * elapsed
    if trained >= expected:
        return "on_track"
    if trained >= 0.8 * expected:
        return "at_risk"
    return "behind"


def targets_for_unit(unit: Unit):
    """Targets that apply to `unit`: set at the unit itself or any unit above it."""
    return (Target.objects.filter(is_active=True, unit__path__in=unit.ancestor_paths())
            .select_related("unit", "lead_unit").order_by("unit__depth", "code"))


def unit_attainments(unit: Unit, targets) -> list[Attainment]:
    """The unit's figure for each target: one query over the unit's counter rows."""
    targets = list(targets)
    sums: dict[int, Mapping[str, Any]] = {row["target_id"]: row for row in
            TargetUnitCounter.objects.filter(unit=unit, target__in=[t.pk for t in targets])
            .values("target_id").annotate(population=Sum("population"), trained=Sum("trained"))}
    totals = target_totals(targets)
    return [Attainment(t, unit, (sums.get(t.pk) or {}).get("population") or 0,
                       (sums.get(t.pk) or {}).get("trained") or 0,
                       total_trained=totals.get(t.pk, 0)) for t in targets]


def unit_splits(unit: Unit, target: Target) -> dict:
    """Population and trained by sex, Kinh/minority, each ethnic group, household and school
    level for one unit: one query over the unit's own counter rows (a unit has rows only for
    the groups present in its subtree)."""
    return splits_of(TargetUnitCounter.objects.filter(unit=unit, target=target).values(
        *SPLIT_DIMS, "population", "trained"))


def child_units(unit: Unit) -> list[Unit]:
    """Active children only: a merged unit (inactive, its children moved to its successor) is
    history, not a child that "met" its target."""
    return list(Unit.objects.active().filter(path__startswith=unit.path, depth=unit.depth + 1)
                .select_related("kind").order_by("name"))


def children_attainment(unit: Unit, target: Target, sort: str = "gap") -> list[Attainment]:
    """One row per child unit: one query for the children, one over their counters."""
    children = child_units(unit)
    sums: dict[int, Mapping[str, Any]] = {row["unit_id"]: row for row in
            TargetUnitCounter.objects.filter(target=target, unit_id__in=[c.pk for c in children])
            .values("unit_id").annotate(population=Sum("population"), trained=Sum("trained"))}
    total = target_totals([target]).get(target.pk, 0)
    rows = [Attainment(target, c, (sums.get(c.pk) or {}).get("population") or 0,
                       (sums.get(c.pk) or {}).get("trained") or 0, total_trained=total)
            for c in children]
    if sort == "gap":  # contributions (no gap): the largest contribution first
        rows.sort(key=lambda a: (-(a.gap or 0), -a.trained, a.unit.name))
    elif sort == "percent":
        rows.sort(key=lambda a: (a.percent, a.unit.name))
    return rows


def subtree_attainment(unit: Unit, targets) -> list[Attainment]:
    """Every unit of the subtree × every target, for exports: one query over counters."""
    targets = {t.pk: t for t in targets}
    units = {u.pk: u for u in Unit.objects.filter(path__startswith=unit.path)
             .filter(Q(pk=unit.pk) | Q(is_active=True, merged_into__isnull=True))
             .select_related("kind")}
    rows = (TargetUnitCounter.objects.filter(target_id__in=targets.keys(),
                                             unit_id__in=units.keys())
            .values("unit_id", "target_id")
            .annotate(population=Sum("population"), trained=Sum("trained")))
    totals = target_totals(targets.values())
    result = [Attainment(targets[r["target_id"]], units[r["unit_id"]], r["population"],
                         r["trained"], total_trained=totals.get(r["target_id"], 0))
              for r in rows]
    result.sort(key=lambda a: (a.unit.depth, a.unit.path, a.target.code))
    return result


def prepared_reports(unit: Unit) -> list:
    """Annual reports the scheduled job prepared for this unit, newest first."""
    return list(ExportJob.objects.filter(unit=unit, target__isnull=False,
                                         finished_at__isnull=False)
                .select_related("target").defer("content").order_by("-finished_at")[:10])


def learners_not_trained(unit: Unit, target: Target, search: str = ""):
    """TargetLearner rows of the subtree not yet trained (prefix index on the class path),
    by class (schools and classes in tree order), then name in Vietnamese order (given, middle,
    family: User.name_key); `search` keeps those whose full name or user name contains it
    (case-insensitive)."""
    rows = TargetLearner.objects.filter(target=target, trained=False,
                                        unit__path__startswith=unit.path)
    search = " ".join(search.split())[:100]
    if search:
        rows = rows.filter(Q(learner__full_name__icontains=search)
                           | Q(learner__username__icontains=search))
    return (rows.select_related("learner", "unit")
            .order_by("unit__path", "learner__name_key", "learner_id"))


def schools_of(units) -> dict[int, Unit]:
    """The school (nearest ancestor-or-self whose kind is a school) of each unit, keyed by the
    unit's id, in one query for a page of rows; units outside any school are left out."""
    units = list(units)
    paths = {p for u in units for p in u.ancestor_paths()}  # the unit itself included
    if not paths:
        return {}
    schools = {s.path: s for s in Unit.objects.filter(path__in=paths, kind__is_school=True)
               .only("pk", "name", "path", "depth")}
    found = {}
    for u in units:
        for path in reversed(u.ancestor_paths()):
            if path in schools:
                found[u.pk] = schools[path]
                break
    return found


def trend(unit: Unit, target: Target, weeks: int = 26) -> list[TargetSnapshot]:
    return list(TargetSnapshot.objects.filter(unit=unit, target=target)
                .order_by("-taken_on")[:weeks])[::-1]


def breadcrumbs(unit: Unit, top_paths: list[str]) -> list[Unit]:
    """Ancestors of `unit` the viewer may open (from their highest role unit down)."""
    ancestors = Unit.objects.filter(path__in=unit.ancestor_paths()).order_by("depth")
    return [u for u in ancestors if any(u.path.startswith(p) for p in top_paths)]


def target_courses(target: Target):
    from courses.models import CoursePage

    if target.rule == "programme" or (target.rule == "certificate" and target.programme_id):
        return CoursePage.objects.live().filter(programme_id=target.programme_id)
    return target.courses.all()


def what_is_left(target: Target, learner_ids: list[int]) -> dict[int, list[dict]]:
    """For a page of not-yet-trained learners: each target course with required lessons done
    and total. Reads only these learners' rows (one page, ≤ 50 learners)."""
    from django.db.models import Count

    from courses.models import LessonPage, LessonProgress

    if not learner_ids:
        return {}
    courses = list(target_courses(target).only("pk", "title", "path", "depth"))
    required = {}
    for course in courses:
        required[course.pk] = set(LessonPage.objects.live().filter(
            required=True, path__startswith=course.path, depth=course.depth + 1)
            .values_list("pk", flat=True))
    all_required = set().union(*required.values()) if required else set()
    done = {(r["user_id"], r["course_id"]): r["n"] for r in LessonProgress.objects.filter(
        user_id__in=learner_ids, lesson_id__in=all_required, completed_at__isnull=False)
        .values("user_id", "course_id").annotate(n=Count("id"))}
    return {lid: [{"course": c.title, "done": done.get((lid, c.pk), 0),
                   "total": len(required[c.pk])} for c in courses] for lid in learner_ids}
