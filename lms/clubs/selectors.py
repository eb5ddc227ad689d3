"""Reads for the club pages. Public pages never read learners' names: only counts."""

from django.db.models import Count, Prefetch, Q, QuerySet

from lms.common.text import vn_fold
from lms.units.models import Unit, paths_and_ancestors

from .models import Activity, ActivityPhoto, Club, Membership, MembershipStatus

PROVINCE_KINDS = ("province_department",)
DISTRICT_KINDS = ("district_office", "commune")


def _member_count():
    return Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE),
                 distinct=True)


def directory(*, q: str = "", unit: Unit | None = None, field: str = "") -> QuerySet[Club]:
    """Public, open clubs; `unit` narrows to a province, district or school subtree."""
    clubs = Club.objects.filter(is_public=True, closed_on__isnull=True)
    if unit is not None:
        clubs = clubs.filter(unit__path__startswith=unit.path)
    if field:
        clubs = clubs.filter(field=field)
    folded = vn_fold(q).strip()
    if folded:
        for word in folded.split():
            clubs = clubs.filter(name_folded__contains=word)
    return (clubs.select_related("unit").annotate(members=_member_count(),
                                                  activity_count=Count("activities",
                                                                       distinct=True))
            .order_by("name"))


def directory_filters(selected: dict) -> dict:
    """Options for the province / district / school selects: only units that hold (or are
    above) a public club, and, once a broader level is chosen, only units inside it."""
    paths = set(Club.objects.filter(is_public=True, closed_on__isnull=True)
                .values_list("unit__path", flat=True))
    wanted = paths_and_ancestors(paths)
    units = list(Unit.objects.filter(path__in=wanted).select_related("kind").order_by("name"))
    province, district = selected.get("province"), selected.get("district")

    def inside(u, parent):
        return parent is None or u.path.startswith(parent.path)

    return {
        "provinces": [u for u in units if u.kind.code in PROVINCE_KINDS],
        "districts": [u for u in units if u.kind.code in DISTRICT_KINDS
                      and inside(u, province)],
        "schools": [u for u in units if u.kind.is_school and inside(u, district or province)],
    }


def club_page(club: Club) -> dict:
    """Everything the public page shows: counts, advisers, activities with public photos."""
    public_photos = Prefetch("photos", queryset=ActivityPhoto.objects.filter(is_public=True),
                             to_attr="public_photos")
    activities = list(club.activities.annotate(present=Count("attendance"))
                      .prefetch_related(public_photos)[:50])
    return {
        "members": club.memberships.filter(status=MembershipStatus.ACTIVE).count(),
        "advisers": list(club.advisers.order_by("name_key", "pk")),
        "activities": activities,
        "activity_total": club.activities.count(),
    }


def unit_trail(unit: Unit) -> str:
    """"Trường THPT Ngô Quyền · Sở GD&ĐT Hải Phòng": the unit and its province/district."""
    ancestors = [a for a in unit.get_ancestors().select_related("kind")
                 if a.kind.code in PROVINCE_KINDS + DISTRICT_KINDS]
    return " · ".join([unit.name, *[a.name for a in reversed(ancestors)]])


def my_memberships(user) -> list[Membership]:
    return list(Membership.objects.filter(user=user).exclude(status=MembershipStatus.DECLINED)
                .select_related("club__unit").order_by("club__name"))


def clubs_to_join(user) -> QuerySet[Club]:
    """Open clubs of the learner's school (or district) they are not in yet."""
    from lms.units.permissions import learner_unit_paths

    paths = learner_unit_paths(user)
    if not paths:
        return Club.objects.none()
    ancestors = paths_and_ancestors(paths)
    return (Club.objects.filter(unit__path__in=ancestors, closed_on__isnull=True)
            .exclude(memberships__user=user).select_related("unit").order_by("name"))


def managed_clubs(user) -> QuerySet[Club]:
    """Clubs the user advises, plus every club under units where they are school admin."""
    from lms.units.capabilities import Capability
    from lms.units.permissions import units_visible_to

    if user.is_superuser:
        return Club.objects.select_related("unit").order_by("name")
    admin_units = units_visible_to(user, Capability.MANAGE_CLUBS)
    return (Club.objects.filter(Q(advisers=user) | Q(unit__in=admin_units)).distinct()
            .select_related("unit").order_by("name"))


def recent_activities(club: Club, limit: int = 100) -> QuerySet[Activity]:
    return club.activities.annotate(present=Count("attendance", distinct=True),
                                    photo_count=Count("photos", distinct=True))[:limit]
