"""The one place that decides who may see what. Views, API and exports all call these; nothing
re-implements them. A role applies to its unit's whole subtree."""

from django.db.models import Q, QuerySet

from .models import Role, RoleKind, Unit, UnitQuerySet

STAFF_KINDS = (RoleKind.TEACHER, RoleKind.SCHOOL_ADMIN, RoleKind.OFFICER)


def live_roles(user, kinds=None) -> QuerySet[Role]:
    """The user's live (not ended) roles, of `kinds` when given: where they are, not what they
    may see (use the functions below for that)."""
    if not user.is_authenticated:
        return Role.objects.none()
    roles = Role.objects.filter(user=user, ended_at__isnull=True)
    return roles if kinds is None else roles.filter(kind__in=kinds)


def role_paths(user, kinds=STAFF_KINDS) -> list[str]:
    """Paths of the units where the user's live roles of `kinds` sit (the roots of what they
    may see); queried once per user object and kinds."""
    if not user.is_authenticated:
        return []
    cache_attr = f"_hocmo_role_paths_{'_'.join(sorted(kinds))}"
    if not hasattr(user, cache_attr):
        setattr(user, cache_attr,
                list(live_roles(user, kinds).values_list("unit_path", flat=True)))
    return getattr(user, cache_attr)


def has_role(user, kinds=STAFF_KINDS) -> bool:
    """Holds a live role of `kinds` somewhere (superusers do not count unless they hold one)."""
    return bool(role_paths(user, kinds))


def _covers(paths: list[str], path: str) -> bool:
    return any(path.startswith(p) for p in paths)


def units_visible_to(user, kinds=STAFF_KINDS) -> UnitQuerySet:
    """Units inside the subtrees where `user` holds a staff role (superusers see all)."""
    if user.is_authenticated and user.is_superuser:
        return Unit.objects.all()
    return Unit.objects.in_subtrees(role_paths(user, kinds))


def can_manage_unit(user, unit: Unit, kinds=STAFF_KINDS) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _covers(role_paths(user, kinds), unit.path)


def learner_unit_paths(learner) -> list[str]:
    return list(live_roles(learner, (RoleKind.LEARNER,)).values_list("unit_path", flat=True))


def home_units(user, kinds=STAFF_KINDS) -> list[Unit]:
    """The units where the user's live roles of `kinds` sit, highest first (superusers: the
    roots): where a report or a manager's page starts."""
    if user.is_superuser:
        return list(Unit.get_root_nodes())
    ids = live_roles(user, kinds).values("unit_id")
    return list(Unit.objects.filter(pk__in=ids).select_related("kind").order_by("depth", "name"))


def learner_in_subtree(learner, unit: Unit) -> bool:
    """`learner` holds a live learner role (class membership) inside `unit`'s subtree."""
    return live_roles(learner, (RoleKind.LEARNER,)).filter(
        unit_path__startswith=unit.path).exists()


def can_view_learner(user, learner) -> bool:
    """Self; a guardian with a live link; staff whose subtree holds one of the learner's classes."""
    if not user.is_authenticated:
        return False
    if user.pk == learner.pk or user.is_superuser:
        return True
    from lms.accounts.models import GuardianLink

    if GuardianLink.objects.filter(guardian=user, learner=learner,
                                   revoked_at__isnull=True).exists():
        return True
    staff_paths = role_paths(user, STAFF_KINDS)
    return any(_covers(staff_paths, p) for p in learner_unit_paths(learner))


def learners_visible_to(user) -> Q:
    """A filter on User for the learners `user` may see (used by lists and exports)."""
    if user.is_superuser:
        return Q()
    paths = role_paths(user, STAFF_KINDS)
    in_subtree = Q(pk__in=[])
    for path in paths:
        in_subtree |= Q(roles__kind=RoleKind.LEARNER, roles__unit_path__startswith=path)
    return Q(pk=user.pk) | in_subtree | Q(guardian_links__guardian=user,
                                          guardian_links__revoked_at__isnull=True)


def can_reorganise(user, unit: Unit, destination: Unit | None = None) -> bool:
    """Move or merge `unit` (into `destination`): platform admins, and officers whose subtree
    covers both the unit and the destination."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    paths = role_paths(user, (RoleKind.OFFICER,))
    return _covers(paths, unit.path) and (destination is None or _covers(paths,
                                                                          destination.path))


def reorganisation_destinations(user, unit: Unit) -> UnitQuerySet:
    """Where `user` may move or merge `unit`: active units they may reorganise, outside the
    unit's own subtree; classes only for a class (classes hold no units, but may merge)."""
    units = (Unit.objects.all() if user.is_superuser
             else Unit.objects.in_subtrees(role_paths(user, (RoleKind.OFFICER,))))
    units = units.active().exclude(path__startswith=unit.path).select_related("kind")
    return units if unit.kind.is_class else units.filter(kind__is_class=False)
