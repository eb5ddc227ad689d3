"""Who may act on a certificate, built on lms.units.permissions (the one permission layer)."""

from lms.units.capabilities import Capability
from lms.units.permissions import can_manage_unit


def can_revoke(user, certificate) -> bool:
    """Holders of REVOKE_CERTIFICATES over the issuing unit (school admins, officers)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return certificate.issuing_unit is not None and can_manage_unit(
        user, certificate.issuing_unit, Capability.REVOKE_CERTIFICATES)
