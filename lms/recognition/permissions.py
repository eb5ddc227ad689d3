"""Who may do what, on top of lms.units.permissions (roles apply to the unit's subtree)."""

from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, units_visible_to

# Holders of MANAGE_RECOGNITION (officers, school admins) review and confirm, define rules and
# keep households; teachers (e.g. of a community learning centre) do not confer titles.
MANAGER = Capability.MANAGE_RECOGNITION


def can_manage_recognition(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit, MANAGER)


def can_review(user, candidate) -> bool:
    return can_manage_recognition(user, candidate.scope_unit)


def managed_units(user):
    """The units this user manages recognition for (the whole subtree)."""
    return units_visible_to(user, MANAGER)


def top_managed_units(user) -> list[Unit]:
    """The highest units of the user's managed subtrees (their entry points)."""
    units = list(managed_units(user).select_related("kind"))
    paths = [u.path for u in units]
    return [u for u in units if not any(u.path != p and u.path.startswith(p) for p in paths)]
