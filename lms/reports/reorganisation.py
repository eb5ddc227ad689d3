"""The preview an officer sees before a move or merge of units is applied: what moves (units,
classes, learners), which targets change, and each affected unit's figures before → after.

The preview applies the real service inside a transaction and rolls it back, so what it shows is
exactly what confirming will do (the same code, the same rules), and nothing is kept."""

from dataclasses import dataclass, field

from django.db import transaction

from lms.units.models import ChangeAction, Unit, UnitChange
from lms.units.services import unit_merge, unit_move

from .models import ReorganisationSnapshot
from .services.history import figures_for


@dataclass
class FigureChange:
    unit_name: str
    unit_path: str
    before: tuple[int, int]
    after: tuple[int, int]

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass
class TargetChange:
    target_id: int
    name: str
    period_label: str
    rows: list[FigureChange] = field(default_factory=list)


@dataclass
class Preview:
    action: str
    unit: Unit
    destination: Unit
    units_moved: int
    classes_moved: int
    learners_moved: int
    targets: list[TargetChange]


class _Rollback(Exception):
    pass


def reorganisation_preview(*, action: str, unit: Unit, destination: Unit) -> Preview:
    """What `unit_move(unit=unit, new_parent=destination)` (action "move") or
    `unit_merge(source=unit, target=destination)` ("merge") would do, without doing it.
    Raises ValueError, like the service, for a change that is not allowed."""
    result: Preview | None = None
    try:
        with transaction.atomic():
            if action == ChangeAction.MERGE:
                unit_merge(source=unit, target=destination)
            elif action == ChangeAction.MOVE:
                unit_move(unit=unit, new_parent=destination)
            else:
                raise ValueError(action)
            change = UnitChange.objects.filter(unit=unit).order_by("-pk").first()
            result = _preview_of(action, unit, destination, change)
            raise _Rollback
    except _Rollback:
        pass
    assert result is not None
    return result


def _preview_of(action, unit, destination, change) -> Preview:
    if change is None:  # already there: nothing would change
        return Preview(action, unit, destination, 0, 0, 0, [])
    snapshots = list(ReorganisationSnapshot.objects.filter(change=change)
                     .order_by("target_id", "unit_path"))
    after = figures_for({s.target_id for s in snapshots}, {s.unit_id for s in snapshots})
    paths = dict(Unit.objects.filter(pk__in={s.unit_id for s in snapshots})
                 .values_list("pk", "path"))
    targets: dict[int, TargetChange] = {}
    for snap in snapshots:
        entry = targets.setdefault(snap.target_id, TargetChange(
            snap.target_id, snap.target_name, snap.period_label))
        entry.rows.append(FigureChange(
            snap.unit_name, paths.get(snap.unit_id, snap.unit_path),
            (snap.population, snap.trained), after.get((snap.target_id, snap.unit_id), (0, 0))))
    changed = [t for t in targets.values() if any(r.changed for r in t.rows)]
    for entry in changed:
        entry.rows.sort(key=lambda r: r.unit_path)
    return Preview(action, unit, destination, change.units_moved, change.classes_moved,
                   change.learners_moved, changed)
