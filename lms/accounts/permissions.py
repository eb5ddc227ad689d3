"""Who may act on whose account, built only on lms.units.permissions (the one permission layer).

A school admin may give a new password to, and lift a sign-in lockout of, the pupils of the
classes in their school's subtree, and nobody else: not staff (a teacher enrolled in a class is
still staff), not pupils of other schools. Platform administrators (superusers) may lift any
lockout. Everything else answers 404 in the views."""

from django.db.models import Q

from lms.units.capabilities import Capability
from lms.units.models import RoleKind, Unit
from lms.units.permissions import can_manage_unit, role_paths

ACCOUNT_ADMIN = Capability.MANAGE_PUPIL_ACCOUNTS  # school admins


def is_account_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser
                                      or bool(role_paths(user, ACCOUNT_ADMIN)))


def can_manage_class_accounts(user, unit: Unit) -> bool:
    return unit.kind.is_class and can_manage_unit(user, unit, ACCOUNT_ADMIN)


def _not_staff() -> Q:
    staff_kinds = [k for k in RoleKind.values if k != RoleKind.LEARNER]
    return ~Q(is_staff=True) & ~Q(is_superuser=True) & ~Q(
        pk__in=_role_users(staff_kinds))


def _role_users(kinds):
    from lms.units.models import Role

    return Role.objects.filter(kind__in=kinds, ended_at__isnull=True).values("user_id")


def pupils_managed_by(user) -> Q:
    """A filter on User: current pupils in the subtrees where `user` is a school admin (a
    superuser: every pupil), never staff or administrators."""
    from lms.units.models import Role

    if user.is_superuser:
        inside = Q(pk__in=_role_users([RoleKind.LEARNER]))
    else:
        paths = role_paths(user, ACCOUNT_ADMIN)
        if not paths:
            return Q(pk__in=[])
        where = Q()
        for path in paths:
            where |= Q(unit_path__startswith=path)
        inside = Q(pk__in=Role.objects.filter(where, kind=RoleKind.LEARNER,
                                              ended_at__isnull=True).values("user_id"))
    return inside & _not_staff()
