"""State changes on the unit tree: the ONE place the tree changes. The Django admin (change form
and drag-and-drop), the `unit_reorganise` command, the officers' reorganisation pages and the
roster import all call these functions; nothing else calls treebeard's `move`.

Moving or merging keeps history (nothing is deleted) and keeps everything that copies a path
true before the call returns, inside the same transaction: roles' `unit_path` are rewritten
here, and `lms.units.signals.unit_moved` lets lms.reports reconcile its counters synchronously
(no Celery worker, beat or on_commit task is needed). A subtree is always appended as the last
child of its new parent, so no other unit's path ever shifts (lists sort by name)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from .generations import units_touch_all
from .models import ChangeAction, Role, RoleKind, Unit, UnitChange, UnitKind
from .signals import tree_changing, unit_moved


def unit_create(*, parent: Unit | None, kind: UnitKind, name: str, **fields) -> Unit:
    if parent is None:
        return Unit.add_root(kind=kind, name=name, **fields)
    parent.refresh_from_db(fields=["path", "depth", "numchild"])
    return parent.add_child(kind=kind, name=name, **fields)


def unit_update(*, unit: Unit, **fields) -> None:
    """A unit's own fields changed (the admin's change form): one UPDATE, no save(), so the
    tree columns are never written from a stale form; a new parent goes through unit_move."""
    Unit.objects.filter(pk=unit.pk).update(**fields)
    units_touch_all()  # a QuerySet update sends no post_save


@dataclass(frozen=True)
class SubtreeMove:
    """One subtree moved: what receivers of `unit_moved` need to follow it. Ancestor ids are
    the units strictly above the moved unit, root first, before and after the move."""

    unit_id: int
    old_path: str
    new_path: str
    old_ancestor_ids: tuple[int, ...]
    new_ancestor_ids: tuple[int, ...]


def _ancestor_ids(path: str) -> tuple[int, ...]:
    above = Unit.objects.filter(path__in=Unit(path=path).ancestor_paths()[:-1])
    return tuple(above.order_by("depth").values_list("pk", flat=True))


def _resync_role_paths(old_prefix: str, new_prefix: str) -> None:
    # Roles keep a copy of their unit's path; rewrite the moved prefix in one UPDATE.
    Role.objects.filter(unit_path__startswith=old_prefix).update(
        unit_path=Concat(Value(new_prefix), Substr("unit_path", len(old_prefix) + 1))
    )
    units_touch_all()  # treebeard's move rewrites paths without save(): no post_save


def unit_move_check(*, unit: Unit, new_parent: Unit | None) -> None:
    """Raise ValueError (a sentence for the user) if `unit` may not go under `new_parent`."""
    if new_parent is None:
        raise ValueError(_("Hãy chọn đơn vị cha: không thể đưa một đơn vị lên làm gốc."))
    if new_parent.path.startswith(unit.path):
        raise ValueError(_("Không thể chuyển một đơn vị vào bên trong chính nó."))
    if not new_parent.is_active or new_parent.merged_into_id:
        raise ValueError(_("Không thể chuyển vào một đơn vị đã ngừng hoạt động hoặc đã sáp nhập."))
    if new_parent.kind.is_class:
        raise ValueError(_("Không thể đặt một đơn vị bên dưới một lớp học."))
    allowed = list(unit.kind.allowed_parents.values_list("pk", flat=True))
    if allowed and new_parent.kind_id not in allowed:
        raise ValueError(_("“%(kind)s” không thể trực thuộc “%(parent)s”.")
                         % {"kind": unit.kind.name, "parent": new_parent.kind.name})


def unit_merge_check(*, source: Unit, target: Unit) -> None:
    if source.pk == target.pk or target.path.startswith(source.path):
        raise ValueError(_("Không thể sáp nhập một đơn vị vào chính nó hoặc đơn vị con của nó."))
    if source.merged_into_id:
        raise ValueError(_("Đơn vị này đã được sáp nhập trước đó."))
    if not target.is_active or target.merged_into_id:
        raise ValueError(_("Không thể sáp nhập vào một đơn vị đã ngừng hoạt động hoặc đã sáp "
                           "nhập."))


def subtree_counts(unit: Unit, include_self: bool = True) -> tuple[int, int, int]:
    """(units, classes, learners) in `unit`'s subtree (without `unit` itself if asked);
    learners are people with a live learner role (class membership) anywhere in the subtree."""
    units = Unit.objects.filter(path__startswith=unit.path)
    if not include_self:
        units = units.exclude(pk=unit.pk)
    learners = (Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                    unit_path__startswith=unit.path)
                .values("user_id").distinct().count())
    return units.count(), units.filter(kind__is_class=True).count(), learners


def _lock(*units: Unit) -> list[Unit]:
    """Fresh copies of `units`, locked: two reorganisations of the same units queue up."""
    locked = {u.pk: u for u in Unit.objects.select_for_update()
              .filter(pk__in=[u.pk for u in units]).select_related("kind")}
    return [locked[u.pk] for u in units]


def _move_subtree(unit: Unit, new_parent: Unit) -> SubtreeMove:
    old_path, old_above = unit.path, _ancestor_ids(unit.path)
    new_parent.refresh_from_db(fields=["path", "depth", "numchild"])
    unit.move(new_parent, pos="last-child")
    unit.refresh_from_db(fields=["path", "depth"])
    _resync_role_paths(old_path, unit.path)
    move = SubtreeMove(unit.pk, old_path, unit.path, old_above, _ancestor_ids(unit.path))
    unit_moved.send(sender=Unit, move=move)
    return move


def _audit(action: str, unit: Unit, destination: Unit, actor, counts) -> UnitChange:
    parent = unit.get_parent()
    return UnitChange.objects.create(
        action=action, actor=actor if actor is not None and actor.is_authenticated else None,
        unit=unit, unit_name=unit.name, from_parent=parent,
        from_parent_name=parent.name if parent else "", destination=destination,
        destination_name=destination.name, old_path=unit.path,
        units_moved=counts[0], classes_moved=counts[1], learners_moved=counts[2])


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit, actor=None) -> Unit:
    """Move `unit` (and its subtree) under `new_parent`, e.g. a commune school after the
    district level was removed. Roles, report rows and counters are right on return; an audit
    entry (UnitChange) records it. Raises ValueError for a move that is not allowed."""
    if new_parent is None:
        unit_move_check(unit=unit, new_parent=None)  # raises: units are not moved to the root
    unit, new_parent = _lock(unit, new_parent)
    unit_move_check(unit=unit, new_parent=new_parent)
    if unit.path[:-Unit.steplen] == new_parent.path:
        return unit  # already there
    change = _audit(ChangeAction.MOVE, unit, new_parent, actor, subtree_counts(unit))
    ids = {unit.pk, *_ancestor_ids(unit.path), new_parent.pk, *_ancestor_ids(new_parent.path)}
    tree_changing.send(sender=Unit, change=change, unit_ids=sorted(ids))
    move = _move_subtree(unit, new_parent)
    UnitChange.objects.filter(pk=change.pk).update(new_path=move.new_path)
    return unit


def _carry_roles(source: Unit, target: Unit) -> None:
    """Every live role at `source` is granted at `target` (or revived there), then ended at
    `source`. Saved one by one: lms.reports re-places counted people on post_save."""
    now = timezone.now()
    for role in Role.objects.filter(unit=source, ended_at__isnull=True).order_by("pk"):
        carried, created = Role.objects.get_or_create(user_id=role.user_id, unit=target,
                                                      kind=role.kind)
        if not created and carried.ended_at is not None:
            carried.ended_at = None
            carried.save(update_fields=["ended_at"])
        role.ended_at = now
        role.save(update_fields=["ended_at"])


@transaction.atomic
def unit_merge(*, source: Unit, target: Unit, actor=None) -> Unit:
    """Merge `source` into `target`: its children move under `target`, its live roles are
    carried over (and ended at `source`), and `source` stays, inactive and pointing at its
    successor, so past reports still resolve. Counters are right on return."""
    source, target = _lock(source, target)
    unit_merge_check(source=source, target=target)
    children = list(source.get_children())
    change = _audit(ChangeAction.MERGE, source, target, actor,
                    subtree_counts(source, include_self=False))
    ids = {source.pk, *(c.pk for c in children), *_ancestor_ids(source.path), target.pk,
           *_ancestor_ids(target.path)}
    tree_changing.send(sender=Unit, change=change, unit_ids=sorted(ids))
    for child in children:
        _move_subtree(Unit.objects.get(pk=child.pk), target)
    _carry_roles(source, target)
    source = Unit.objects.get(pk=source.pk)
    source.merged_into = target
    source.merged_at = timezone.now()
    source.is_active = False
    source.save(update_fields=["merged_into", "merged_at", "is_active"])
    UnitChange.objects.filter(pk=change.pk).update(new_path=source.path)
    return source


def role_grant(*, user, unit: Unit, kind: str) -> Role:
    role, _ = Role.objects.get_or_create(user=user, unit=unit, kind=kind)
    return role


def role_reopen(*, role: Role) -> Role:
    """Make an ended role live again (a learner put back in a class they had left). Saved, not
    UPDATEd, so post_save reaches the reports and they count the learner there again at once."""
    if role.ended_at is not None:
        role.ended_at = None
        role.save(update_fields=["ended_at"])
    return role


def role_end(*, role: Role) -> None:
    """End a live role now; saved so the reports move the learner out of that class at once."""
    if role.ended_at is None:
        role.ended_at = timezone.now()
        role.save(update_fields=["ended_at"])
