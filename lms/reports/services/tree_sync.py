"""Counters follow the unit tree, synchronously, inside the reorganisation's transaction
(received from `lms.units.signals.unit_moved`, sent by lms.units.services).

A moved subtree's own counters do not change (they are keyed by unit, not path). Per active
target whose unit sits above the moved unit, before or after:
- inside the target on both sides: the moved unit's counters (per split) are subtracted from the
  units above it that it left and added to the units above it that it joined; common ancestors
  do not change. No learner row is touched.
- only before (learners leave the target): subtract from the old ancestors, delete the target's
  rows and counters inside the subtree.
- only after (learners enter): compute the rows of the people whose newest role is inside the
  subtree in one batch (the rebuild's own rules), write the subtree's counters from them, and add
  their totals to the new ancestors.
If the school level the subtree inherits from above changes (a class moved between schools of
different levels), every split key inside it may change: the targets above leave and re-enter,
and targets inside the subtree are rebuilt."""

from django.contrib.auth import get_user_model

from lms.units.models import Role, Unit

from ..models import Target, TargetLearner, TargetUnitCounter
from . import rows_sql
from .rebuild import latest_roles, target_rebuild, target_rows


def people_lock(path: str) -> None:
    """Lock (SELECT … FOR UPDATE) everyone with a role inside `path`'s subtree, before the
    subtree moves: a completion or class change of one of them (which lock the same row first,
    see services.learner_sync) waits for the move to commit and then reads the new paths."""
    users = get_user_model().objects.filter(
        pk__in=Role.objects.filter(unit_path__startswith=path).values("user_id"))
    list(users.select_for_update().order_by("pk").values_list("pk", flat=True))


def _level_from(ancestor_ids, levels: dict[int, str]) -> str:
    return next((levels[pk] for pk in reversed(ancestor_ids) if levels.get(pk)), "")


def _delete(queryset) -> None:
    """One DELETE statement (these rows have no cascades or signals to honour)."""
    queryset._raw_delete(queryset.db)


def _add(target: Target, units: list[Unit], unit_id: int, sign: int) -> None:
    """Shift the counters of `units` by the moved unit's (set-based, rows_sql)."""
    rows_sql.counters_shift(target, [u.pk for u in units], unit_id, sign)


def _leave(target: Target, new_path: str, unit_id: int, old_side: list[Unit]) -> None:
    _add(target, old_side, unit_id, -1)
    _delete(TargetUnitCounter.objects.filter(target=target, unit__path__startswith=new_path))
    _delete(TargetLearner.objects.filter(target=target, unit__path__startswith=new_path))


def _enter(target: Target, new_path: str, unit_id: int, new_side: list[Unit]) -> None:
    if rows_sql.supported(target):
        rows_sql.rows_replace(target, new_path)  # set-based: no row comes into Python
    else:  # the employment rule's events come from lms.careers, in Python
        inside = set(Unit.objects.filter(path__startswith=new_path).values_list("pk", flat=True))
        latest = {person: unit for person, unit in latest_roles(target, new_path).items()
                  if unit in inside}
        _delete(TargetLearner.objects.filter(target=target, learner_id__in=latest.keys()))
        TargetLearner.objects.bulk_create(target_rows(target, latest), batch_size=2000)
    rows_sql.counters_write(target, new_path)
    _add(target, new_side, unit_id, 1)


def counters_follow_move(move) -> list[int]:
    """Bring every active target's rows and counters in line after `move` (a
    lms.units.services.SubtreeMove). Returns the ids of the targets it changed."""
    old_ids, new_ids = list(move.old_ancestor_ids), list(move.new_ancestor_ids)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=[*old_ids, *new_ids, move.unit_id])}
    levels = {pk: u.school_level for pk, u in units.items()}
    level_changed = (not levels.get(move.unit_id)
                     and _level_from(old_ids, levels) != _level_from(new_ids, levels))
    changed = []
    for target in (Target.objects.filter(is_active=True, unit_id__in={*old_ids, *new_ids})
                   .select_related("unit")):
        was_in, is_in = target.unit_id in old_ids, target.unit_id in new_ids
        old_side = old_ids[old_ids.index(target.unit_id):] if was_in else []
        new_side = new_ids[new_ids.index(target.unit_id):] if is_in else []
        if was_in and is_in and not level_changed:
            left = [units[pk] for pk in old_side if pk not in new_side]
            joined = [units[pk] for pk in new_side if pk not in old_side]
            _add(target, left, move.unit_id, -1)
            _add(target, joined, move.unit_id, 1)
        else:
            if was_in:
                _leave(target, move.new_path, move.unit_id, [units[pk] for pk in old_side])
            if is_in:
                _enter(target, move.new_path, move.unit_id, [units[pk] for pk in new_side])
        changed.append(target.pk)
    if level_changed:
        for target in (Target.objects.filter(is_active=True,
                                             unit__path__startswith=move.new_path)
                       .select_related("unit")):
            target_rebuild(target)
            changed.append(target.pk)
    return changed

