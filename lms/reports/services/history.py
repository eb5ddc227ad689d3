"""Report history across reorganisations: before the tree changes (`tree_changing`, inside the
service's transaction), every active target that counts one of the affected units freezes its
figure for each of them, under the unit's name and path at that moment."""

from django.db.models import Q, Sum

from lms.units.models import Unit, UnitChange

from ..models import ReorganisationSnapshot, Target, TargetUnitCounter


def affected_targets(unit_ids) -> list[Target]:
    """Active targets set at one of `unit_ids` (the units whose figures a reorganisation
    changes are the moved unit and the units above it on both sides)."""
    return list(Target.objects.filter(is_active=True, unit_id__in=unit_ids)
                .select_related("unit").order_by("unit__path", "code"))


def figures_for(targets, unit_ids) -> dict[tuple[int, int], tuple[int, int]]:
    """(target id, unit id) → (population, trained), from the counters."""
    return {(r["target_id"], r["unit_id"]): (r["p"] or 0, r["t"] or 0) for r in
            TargetUnitCounter.objects.filter(target__in=targets, unit_id__in=unit_ids)
            .values("target_id", "unit_id").annotate(p=Sum("population"), t=Sum("trained"))}


def snapshots_take(change: UnitChange, unit_ids) -> list[ReorganisationSnapshot]:
    targets = affected_targets(unit_ids)
    units = list(Unit.objects.filter(pk__in=unit_ids))
    figures = figures_for(targets, unit_ids)
    rows = [ReorganisationSnapshot(
        change=change, target=t, target_name=t.name, period_label=t.period_label, unit=u,
        unit_name=u.name, unit_path=u.path, population=figures.get((t.pk, u.pk), (0, 0))[0],
        trained=figures.get((t.pk, u.pk), (0, 0))[1])
        for t in targets for u in units if u.path.startswith(t.unit.path)]
    return ReorganisationSnapshot.objects.bulk_create(rows)


def changes_touching(unit: Unit):
    """Reorganisations that moved something into, out of or within `unit`'s subtree, or moved
    a unit above it."""
    return (UnitChange.objects.filter(
        Q(old_path__startswith=unit.path) | Q(new_path__startswith=unit.path)
        | Q(report_snapshots__unit_path__startswith=unit.path)
        | Q(new_path__in=unit.ancestor_paths())).distinct()
        .select_related("actor").prefetch_related("report_snapshots"))
