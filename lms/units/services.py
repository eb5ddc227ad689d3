"""State changes on the unit tree. Moving or merging keeps history: nothing is deleted."""

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from .models import Role, Unit, UnitKind


def unit_create(*, parent: Unit | None, kind: UnitKind, name: str, **fields) -> Unit:
    if parent is None:
        return Unit.add_root(kind=kind, name=name, **fields)
    parent.refresh_from_db(fields=["path", "depth", "numchild"])
    return parent.add_child(kind=kind, name=name, **fields)


def _resync_role_paths(old_prefix: str, new_prefix: str) -> None:
    # Roles keep a copy of their unit's path; rewrite the moved prefix in one UPDATE.
    Role.objects.filter(unit_path__startswith=old_prefix).update(
        unit_path=Concat(Value(new_prefix), Substr("unit_path", len(old_prefix) + 1))
    )


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit) -> Unit:
    """Move `unit` (and its subtree) under `new_parent`, e.g. a commune school after the
    district level was removed."""
    if new_parent.is_within(unit):
        raise ValueError("Không thể chuyển một đơn vị vào bên trong chính nó.")
    old_path = unit.path
    unit.move(new_parent, pos="last-child")
    unit.refresh_from_db()
    _resync_role_paths(old_path, unit.path)
    return unit


@transaction.atomic
def unit_merge(*, source: Unit, target: Unit) -> Unit:
    """Merge `source` into `target`: its children move under `target`, its roles are carried
    over, and `source` stays (inactive) so past reports still resolve."""
    if target.is_within(source) or source.pk == target.pk:
        raise ValueError("Không thể sáp nhập một đơn vị vào chính nó hoặc đơn vị con của nó.")
    for child in list(source.get_children()):
        unit_move(unit=child, new_parent=Unit.objects.get(pk=target.pk))
    for role in Role.objects.filter(unit=source):
        Role.objects.get_or_create(user_id=role.user_id, unit=target, kind=role.kind)
    source = Unit.objects.get(pk=source.pk)
    source.merged_into = target
    source.merged_at = timezone.now()
    source.is_active = False
    source.save(update_fields=["merged_into", "merged_at", "is_active"])
    return source


def role_grant(*, user, unit: Unit, kind: str) -> Role:
    role, _ = Role.objects.get_or_create(user=user, unit=unit, kind=kind)
    return role
