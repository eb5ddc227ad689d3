"""Who may do what with clubs, built on lms.units.permissions (the one permission layer).

- create a club at a unit: holders of Capability.ADVISE_CLUBS (teachers, school admins)
  whose role covers that unit;
- manage a club (edit, members, activities, photos): a holder of MANAGE_CLUBS (school admin)
  covering the club's unit, or an ADVISE_CLUBS holder covering it who is one of its advisers;
- see an unpublished club: its managers, its members and holders of
  VIEW_LEARNER_PERSONAL_DATA covering its unit (a club lists pupils);
- see a photo not marked public: the club's managers and active members;
- the report: holders of MANAGE_REPORTS (officers, school admins) inside their subtrees."""

from django.db.models import QuerySet

from lms.accounts.models import User
from lms.units.capabilities import Capability, kinds_with
from lms.units.models import Role, RoleKind, Unit
from lms.units.permissions import can_manage_unit, home_units, units_visible_to

from .models import Club, MembershipStatus

ADVISER = Capability.ADVISE_CLUBS
REPORT_VIEWER = Capability.MANAGE_REPORTS


def club_home_units(user) -> QuerySet[Unit]:
    """Units where `user` may found a club: schools and offices (never classes) they cover."""
    return (units_visible_to(user, ADVISER).active().filter(kind__is_class=False)
            .select_related("kind"))


def can_create_club_at(user, unit: Unit) -> bool:
    return not unit.kind.is_class and can_manage_unit(user, unit, ADVISER)


def can_manage_club(user, club: Club) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or can_manage_unit(user, club.unit, Capability.MANAGE_CLUBS):
        return True
    return (can_manage_unit(user, club.unit, ADVISER)
            and club.advisers.filter(pk=user.pk).exists())


def membership_of(user, club: Club):
    if not user.is_authenticated:
        return None
    return club.memberships.filter(user=user).first()


def can_view_club(user, club: Club) -> bool:
    if club.is_public:
        return True
    if not user.is_authenticated:
        return False
    if can_manage_unit(user, club.unit, Capability.VIEW_LEARNER_PERSONAL_DATA):
        return True
    member = membership_of(user, club)
    return member is not None and member.status in (MembershipStatus.ACTIVE,
                                                   MembershipStatus.PENDING)


def can_view_private_photos(user, club: Club) -> bool:
    if can_manage_club(user, club):
        return True
    member = membership_of(user, club)
    return member is not None and member.status == MembershipStatus.ACTIVE


def eligible_learners(club: Club) -> QuerySet[User]:
    """Learners of the classes inside the club's school (or district)."""
    return User.objects.filter(roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True,
                               roles__unit_path__startswith=club.unit.path,
                               is_active=True).distinct()


def _learner_roles(club: Club) -> QuerySet[Role]:
    return Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                               unit_path__startswith=club.unit.path)


def is_eligible_learner(user, club: Club) -> bool:
    return _learner_roles(club).filter(user=user).exists()


def all_eligible_learners(users, club: Club) -> bool:
    """Whether every one of `users` is a learner of the club's school (one query)."""
    ids = {u.pk for u in users}
    return ids <= set(_learner_roles(club).filter(user_id__in=ids)
                      .values_list("user_id", flat=True))


def eligible_advisers(club_unit: Unit) -> QuerySet[User]:
    """Teachers and school admins whose role sits at the club's unit or above it."""
    return User.objects.filter(roles__kind__in=kinds_with(ADVISER), roles__ended_at__isnull=True,
                               roles__unit_path__in=club_unit.ancestor_paths(),
                               is_active=True).distinct().order_by("name_key", "pk")


def can_view_report(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit, REPORT_VIEWER)


def report_home_units(user) -> list[Unit]:
    """The units where the user's officer / school-admin roles sit, highest first."""
    return home_units(user, REPORT_VIEWER)
