"""Who may import class lists, built on lms.units.permissions (the one permission layer)."""

from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit

IMPORT_CAPABILITY = Capability.MANAGE_ROSTER


def can_import_roster(user, school: Unit) -> bool:
    """Holders of MANAGE_ROSTER: school admins of the school, officers above it (teachers may
    not import)."""
    return can_manage_unit(user, school, IMPORT_CAPABILITY)
