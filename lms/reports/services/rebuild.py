"""Recomputing from scratch: the rebuild (from raw roles, profiles and completions), the
recount (counters from TargetLearner rows) and the reconcile after the unit tree changes.

Reorganisation: every move and merge goes through `lms.units.services`, whose `unit_moved`
signal makes counters follow the tree synchronously (tree_sync.py). The scheduled
`reports.tree_watch` task is only a safety net: it notices any change of the tree's fingerprint
(e.g. a raw SQL edit) and reconciles every active target; `counters_after_move(unit)` does the
same for one unit's targets by hand."""

import hashlib
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery

from lms.accounts.models import LearnerProfile
from lms.units.models import Role, Unit

from ..dashboard import dashboards_touch_all
from ..models import ReportsState, Target, TargetLearner, TargetUnitCounter
from ..rules import counts_in, trained_at
from .attainment import POPULATION_ROLES, SPLIT_FIELDS, facts_from, learner_sync, qualifying_events


def _ancestor_paths(path: str, top: str) -> list[str]:
    return [path[:i] for i in range(len(top), len(path) + 1, Unit.steplen)]


@transaction.atomic
def counters_recount(target: Target) -> int:
    """Counters of `target` recomputed from its TargetLearner rows, along the current tree."""
    top = target.unit.path
    groups = (TargetLearner.objects.filter(target=target)
              .values("unit__path", *SPLIT_FIELDS)
              .annotate(population=Count("id"), trained=Count("id", filter=Q(trained=True))))
    totals: dict = defaultdict(lambda: [0, 0])
    for g in groups:
        if not g["unit__path"].startswith(top):
            continue  # moved out of the target's subtree; reconcile removes the row
        for path in _ancestor_paths(g["unit__path"], top):
            acc = totals[(path, *(g[f] for f in SPLIT_FIELDS))]
            acc[0] += g["population"]
            acc[1] += g["trained"]
    ids = dict(Unit.objects.filter(path__in={k[0] for k in totals}).values_list("path", "pk"))
    TargetUnitCounter.objects.filter(target=target).delete()
    TargetUnitCounter.objects.bulk_create(
        [TargetUnitCounter(target=target, unit_id=ids[path], population=pop, trained=tr,
                           **dict(zip(SPLIT_FIELDS, split, strict=True)))
         for (path, *split), (pop, tr) in totals.items()],
        batch_size=2000,
    )
    dashboards_touch_all()
    return len(totals)


def latest_roles(target: Target, within: str | None = None) -> dict[int, int]:
    """person id → unit id of their newest live role of the target's population kind (learner
    or teacher), for active accounts with any such live role in `within` (default: the
    target's subtree)."""
    kind = POPULATION_ROLES[target.population]
    in_subtree = Role.objects.filter(kind=kind, ended_at__isnull=True, user__is_active=True,
                                     unit_path__startswith=within or target.unit.path)
    latest: dict[int, int] = {}
    for user_id, unit_id in (Role.objects.filter(kind=kind, ended_at__isnull=True,
                                                 user_id__in=in_subtree.values("user_id"))
                             .order_by("user_id", "created_at", "pk")
                             .values_list("user_id", "unit_id")):
        latest[user_id] = unit_id
    return latest


def target_rows(target: Target, latest: dict[int, int]) -> list[TargetLearner]:
    """The TargetLearner rows (unsaved) of the people in `latest` (person → the unit where they
    count) that the target counts, computed from raw profiles and completions."""
    units = {u.pk: u for u in Unit.objects.filter(pk__in=set(latest.values()))}
    ancestor_paths = {p for u in units.values() for p in u.ancestor_paths()}
    levels = dict(Unit.objects.filter(path__in=ancestor_paths).exclude(school_level="")
                  .values_list("path", "school_level"))
    profiles = {p.user_id: p for p in LearnerProfile.objects.filter(user_id__in=latest.keys())}
    events = qualifying_events(target, list(latest.keys()))
    rows = []
    for learner_id, unit_id in latest.items():
        unit, profile = units[unit_id], profiles.get(learner_id)
        level = next((levels[p] for p in reversed(unit.ancestor_paths()) if p in levels), "")
        facts = facts_from(learner_id, unit, level, profile)
        if not counts_in(target, target.unit.path, facts):
            continue
        when = trained_at(target, events.get(learner_id, []))
        rows.append(TargetLearner(target=target, learner_id=learner_id, unit_id=unit_id,
                                  trained=when is not None, trained_at=when,
                                  **dict(zip(SPLIT_FIELDS, facts.split_key, strict=True))))
    return rows


@transaction.atomic
def target_rebuild(target: Target, rows: list[TargetLearner] | None = None) -> int:
    """Recompute one target's rows and counters from raw data (or write `rows`, computed by
    `target_rows` in the same transaction). Returns the population."""
    rows = target_rows(target, latest_roles(target)) if rows is None else rows
    TargetLearner.objects.filter(target=target).delete()
    TargetLearner.objects.bulk_create(rows, batch_size=2000)
    counters_recount(target)
    return len(rows)


def targets_rebuild(targets=None) -> dict[int, int]:
    targets = targets if targets is not None else Target.objects.filter(is_active=True)
    return {t.pk: target_rebuild(t) for t in targets.select_related("unit")}


def target_reconcile(target: Target) -> None:
    """After the tree changed: re-sync learners who left the subtree or entered it, then
    recount the counters along the current tree."""
    path, kind = target.unit.path, POPULATION_ROLES[target.population]
    stray = (TargetLearner.objects.filter(target=target)
             .exclude(unit__path__startswith=path).values_list("learner_id", flat=True))
    # Counted at a class where they no longer hold a live learner role (roles ended in bulk,
    # e.g. by a roster import, send no signal).
    stale = (TargetLearner.objects.filter(target=target)
             .exclude(Exists(Role.objects.filter(user_id=OuterRef("learner_id"),
                                                 unit_id=OuterRef("unit_id"),
                                                 kind=kind, ended_at__isnull=True,
                                                 user__is_active=True)))
             .values_list("learner_id", flat=True))
    missing = (Role.objects.filter(kind=kind, ended_at__isnull=True, user__is_active=True,
                                   unit_path__startswith=path)
               .exclude(user_id__in=TargetLearner.objects.filter(target=target)
                        .values("learner_id"))
               .values_list("user_id", flat=True))
    for learner_id in set(stray) | set(stale) | set(missing):
        learner_sync(learner_id, adjust_counters=False)
    counters_recount(target)


def counters_after_move(unit: Unit) -> list[int]:
    """Call after `unit` moved or received merged children: reconcile every target that
    counts someone in its subtree or sits above it. Returns the reconciled target ids."""
    unit = Unit.objects.get(pk=unit.pk)
    affected = Target.objects.filter(is_active=True).filter(
        Q(unit__path__in=unit.ancestor_paths()) | Q(unit__path__startswith=unit.path)
        | Q(learners__unit__path__startswith=unit.path)).distinct().select_related("unit")
    done = []
    for target in affected:
        target_reconcile(target)
        done.append(target.pk)
    return done


def tree_fingerprint() -> str:
    """A digest of every unit's (id, path): one aggregate query on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = Unit._meta.db_table  # our own table name, not input
            cursor.execute(f"SELECT md5(string_agg(id::text || ':' || path, ';' ORDER BY id))"  # noqa: S608
                           f" FROM {table}")
            return cursor.fetchone()[0] or ""
    digest = hashlib.md5(usedforsecurity=False)
    for pk, path in Unit.objects.order_by("pk").values_list("pk", "path").iterator(2000):
        digest.update(f"{pk}:{path};".encode())
    return digest.hexdigest()


def tree_fingerprint_save() -> None:
    """Record the tree as reconciled (lms.units.services' moves reconcile synchronously)."""
    ReportsState.objects.update_or_create(name="tree_fingerprint",
                                          defaults={"value": tree_fingerprint()})


def tree_watch() -> bool:
    """The safety net for tree changes that bypassed lms.units.services (e.g. raw SQL): when
    the tree changed since the last look, repair stale role paths and reconcile every active
    target. True if it did."""
    current = tree_fingerprint()
    state, _ = ReportsState.objects.get_or_create(name="tree_fingerprint")
    if state.value == current:
        return False
    Role.objects.exclude(unit_path=F("unit__path")).update(unit_path=Subquery(
        Unit.objects.filter(pk=OuterRef("unit_id")).values("path")[:1]))
    for target in Target.objects.filter(is_active=True).select_related("unit"):
        target_reconcile(target)
    state.value = current
    state.save(update_fields=["value"])
    return True
