"""Family-specific checks, built only on lms.units.permissions (the one permission layer)."""

from lms.accounts.models import GuardianLink
from lms.units.capabilities import Capability
from lms.units.models import RoleKind, Unit
from lms.units.permissions import can_manage_unit, can_view_learner, learner_unit_paths


def learner_class_units(learner) -> list[Unit]:
    return list(Unit.objects.filter(path__in=learner_unit_paths(learner)).order_by("path"))


def can_manage_learner_class(user, learner) -> bool:
    """Teachers and school heads whose subtree holds one of the learner's current classes."""
    return any(can_manage_unit(user, unit, Capability.TEACH_CLASSES)
               for unit in learner_class_units(learner))


def can_admin_school(user, school: Unit) -> bool:
    """School admins and officers over a school (MANAGE_ROSTER) link parents to its learners
    directly (lms/families/admin_links.py)."""
    return school.kind.is_school and can_manage_unit(user, school, Capability.MANAGE_ROSTER)


def can_see_child_page(user, learner) -> bool:
    """The child page is for guardians, the learner, and holders of VIEW_PARENT_PAGES over one
    of the child's classes; can_view_learner decides, so a revoked link loses access on the
    next request."""
    return can_view_learner(user, learner, Capability.VIEW_PARENT_PAGES)


def can_view_class_news(user, unit: Unit) -> bool:
    """Staff managing the class, its current learners, and parents with a live link to one of
    them. Nobody else: not other classes' parents, not other schools' staff."""
    if not user.is_authenticated:
        return False
    if can_manage_unit(user, unit, Capability.TEACH_CLASSES):
        return True
    from lms.units.models import Role

    learners = Role.objects.filter(unit=unit, kind=RoleKind.LEARNER, ended_at__isnull=True)
    if learners.filter(user=user).exists():
        return True
    return GuardianLink.objects.filter(guardian=user, revoked_at__isnull=True,
                                       learner_id__in=learners.values("user_id")).exists()
