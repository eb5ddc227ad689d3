"""The one place that decides who may see what. Views, API and exports all call these; nothing
re-implements them. Every check asks for a capability (lms/units/capabilities.py: capability →
role kinds); a role grants its capabilities over its unit's whole subtree.

Views declare who may reach them with one decorator (lms/units/access.py: `@public`,
`@signed_in`, `@requires(capability)`); the object-level checks below then decide which unit or
learner they may see. Forbidden objects answer 404."""

from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from .capabilities import CAPABILITIES, TEACHER_SCOPED, Capability, kinds_with
from .models import Role, RoleKind, Unit, UnitKind, UnitQuerySet

__all__ = [
    "Capability", "can_manage_unit", "can_view_learner", "capability_roles", "has_capability",
    "home_units", "learner_in_subtree", "learner_unit_paths", "learners_visible_to",
    "live_roles", "role_paths", "roles_forget", "units_visible_to", "can_reorganise",
    "reorganisation_destinations",
]


def live_roles(user, kinds=None) -> QuerySet[Role]:
    """The user's live (not ended) roles, of `kinds` when given: where they are, not what they
    may do (use capability_roles and the functions below for that)."""
    if not user.is_authenticated:
        return Role.objects.none()
    roles = Role.objects.filter(user=user, ended_at__isnull=True)
    return roles if kinds is None else roles.filter(kind__in=kinds)


def capability_roles(user, capability: Capability) -> QuerySet[Role]:
    """The user's live roles that grant `capability` (a teacher's only at a school or class)."""
    kinds = kinds_with(capability)
    roles = live_roles(user, kinds)
    scoped = [kind for kind in kinds if kind in TEACHER_SCOPED]
    if scoped:
        roles = roles.filter(~Q(kind__in=scoped) | Q(unit__kind__is_school=True)
                             | Q(unit__kind__is_class=True))
    return roles


# Every live role of the user in one query (kind, the unit's path, whether the unit is a school
# or a class), read once per user object — request.user is loaded afresh for every request, so
# a role ended or granted anywhere (services, the roster import's UPDATE, a reorganisation's
# path rewrite, the admin) counts from the very next request: nothing to invalidate. Every
# capability check of the request (the view's @requires, can_manage_unit, can_edit_targets,
# can_reorganise, …) is answered from these rows (issue 18: the dashboard read them three times,
# once per set of role kinds).
_ROLES_ATTR = "_hocmo_live_roles"
# Table names from the models' _meta; the user id is a parameter.
_ROLES_SQL = (
    f"SELECT r.kind, r.unit_path, k.is_school OR k.is_class "  # noqa: S608
    f"FROM {Role._meta.db_table} r JOIN {Unit._meta.db_table} u ON u.id = r.unit_id "
    f"JOIN {UnitKind._meta.db_table} k ON k.id = u.kind_id "
    f"WHERE r.user_id = %s AND r.ended_at IS NULL ORDER BY r.id")


def _role_rows(user) -> tuple[tuple[str, str, bool], ...]:
    rows = getattr(user, _ROLES_ATTR, None)
    if rows is None:
        # Raw SQL: this runs on every staff request, and compiling the ORM query (two joins)
        # cost more CPU than the indexed read itself.
        with connection.cursor() as cursor:
            cursor.execute(_ROLES_SQL, [user.pk])
            rows = tuple((kind, path, bool(scoped)) for kind, path, scoped in cursor.fetchall())
        setattr(user, _ROLES_ATTR, rows)
    return rows


def roles_forget(user) -> None:
    """Drop what this user object remembers of its roles (after changing them in the same
    process, e.g. a service or a test that grants a role and then asks again)."""
    for name in {_ROLES_ATTR, *map(_paths_attr, CAPABILITIES.values())}:
        if hasattr(user, name):
            delattr(user, name)


def _paths_attr(kinds: tuple[str, ...]) -> str:
    return f"_hocmo_paths_{'_'.join(sorted(kinds))}"


def role_paths(user, capability: Capability) -> list[str]:
    """Paths of the units where the user holds `capability` (the roots of what it covers),
    from the user's live roles read once per user object (_role_rows)."""
    if not user.is_authenticated:
        return []
    kinds = kinds_with(capability)  # capabilities held by the same kinds share one list
    cache_attr = _paths_attr(kinds)
    paths = getattr(user, cache_attr, None)
    if paths is None:
        paths = [path for kind, path, at_school_or_class in _role_rows(user)
                 if kind in kinds and (at_school_or_class or kind not in TEACHER_SCOPED)]
        setattr(user, cache_attr, paths)
    return paths


def has_capability(user, capability: Capability) -> bool:
    """Holds `capability` somewhere (superusers hold every capability)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(role_paths(user, capability))


def _covers(paths: list[str], path: str) -> bool:
    return any(path.startswith(p) for p in paths)


def units_visible_to(user, capability: Capability) -> UnitQuerySet:
    """Units inside the subtrees where `user` holds `capability` (superusers: all)."""
    if user.is_authenticated and user.is_superuser:
        return Unit.objects.all()
    return Unit.objects.in_subtrees(role_paths(user, capability))


def can_manage_unit(user, unit: Unit, capability: Capability) -> bool:
    """`user` holds `capability` over `unit` (a role at the unit or above it)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _covers(role_paths(user, capability), unit.path)


def learner_unit_paths(learner) -> list[str]:
    return list(live_roles(learner, (RoleKind.LEARNER,)).values_list("unit_path", flat=True))


def home_units(user, capability: Capability) -> list[Unit]:
    """The units where the user's roles granting `capability` sit, highest first (superusers:
    the roots): where a report or a manager's page starts."""
    if user.is_superuser:
        return list(Unit.get_root_nodes())
    ids = capability_roles(user, capability).values("unit_id")
    return list(Unit.objects.filter(pk__in=ids).select_related("kind").order_by("depth", "name"))


def learner_in_subtree(learner, unit: Unit) -> bool:
    """`learner` holds a live learner role (class membership) inside `unit`'s subtree."""
    return live_roles(learner, (RoleKind.LEARNER,)).filter(
        unit_path__startswith=unit.path).exists()


def can_view_learner(user, learner,
                     capability: Capability = Capability.VIEW_LEARNER_PERSONAL_DATA) -> bool:
    """Self; a guardian with a live link; a holder of `capability` whose subtree holds one of
    the learner's classes."""
    if not user.is_authenticated:
        return False
    if user.pk == learner.pk or user.is_superuser:
        return True
    # accounts.GuardianLink through its reverse accessor: units is below accounts, no import
    if user.children_links.filter(learner=learner, revoked_at__isnull=True).exists():
        return True
    paths = role_paths(user, capability)
    return bool(paths) and any(_covers(paths, p) for p in learner_unit_paths(learner))


def learners_visible_to(user,
                        capability: Capability = Capability.VIEW_LEARNER_PERSONAL_DATA) -> Q:
    """A filter on User for the learners `user` may see (used by lists and exports)."""
    if user.is_superuser:
        return Q()
    in_subtree = Q(pk__in=[])
    for path in role_paths(user, capability):
        in_subtree |= Q(roles__kind=RoleKind.LEARNER, roles__unit_path__startswith=path)
    return Q(pk=user.pk) | in_subtree | Q(guardian_links__guardian=user,
                                          guardian_links__revoked_at__isnull=True)


def can_reorganise(user, unit: Unit, destination: Unit | None = None) -> bool:
    """Move or merge `unit` (into `destination`): platform admins, and holders of
    REORGANISE_UNITS (officers) whose subtree covers both the unit and the destination."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    paths = role_paths(user, Capability.REORGANISE_UNITS)
    return _covers(paths, unit.path) and (destination is None or _covers(paths,
                                                                          destination.path))


def reorganisation_destinations(user, unit: Unit) -> UnitQuerySet:
    """Where `user` may move or merge `unit`: active units they may reorganise, outside the
    unit's own subtree; classes only for a class (classes hold no units, but may merge)."""
    units = (Unit.objects.all() if user.is_superuser
             else Unit.objects.in_subtrees(role_paths(user, Capability.REORGANISE_UNITS)))
    units = units.active().exclude(path__startswith=unit.path).select_related("kind")
    return units if unit.kind.is_class else units.filter(kind__is_class=False)


# url name (and URLconf) → the view's declaration: a name always resolves to the same view,
# whatever its arguments, so each worker resolves it once (issue 18: resolving every link of a
# page on every request was 5 % of the dashboard's time).
_access_by_name: dict[tuple[str, str | None, str], Any] = {}  # access.Access | None


def _declared_access_of(url_name: str, url: str) -> Any:
    from django.conf import settings
    from django.urls import get_urlconf, resolve

    from .access import declared_access  # access.py imports this module

    key = (url_name, get_urlconf(), settings.ROOT_URLCONF)
    if key not in _access_by_name:
        _access_by_name[key] = declared_access(resolve(url).func)
    return _access_by_name[key]


def may_open_url(request, url_name: str, *args) -> bool:
    """Whether `request.user` may open the page `url_name` names, asked of the view's own
    declaration (`@public/@signed_in/@requires`), so a link and its view cannot drift: the
    `{% may_open %}` tag's rule (issue 19)."""
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse(url_name, args=args or None)
    except NoReverseMatch:
        return False
    access = _declared_access_of(url_name, url)
    user = getattr(request, "user", None)  # absent on pages refused before authentication
    if access is None or access.rule == "public":
        return True
    if user is None or not user.is_authenticated:
        return False
    if access.capability is None:
        return True
    caps = (request.session.get("hocmo_nav") or {}).get("caps") if hasattr(
        request, "session") else None
    if caps is not None and not user.is_superuser:
        return access.capability.value in caps
    return has_capability(user, access.capability)
