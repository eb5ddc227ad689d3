"""Which navigation a signed-in user gets, decided once at sign-in (receivers.py) and kept in
the session, so rendering the header on every page costs no query (signed-in lesson pages have
a budget of 4)."""

from django.shortcuts import redirect

NAV_SESSION_KEY = "hocmo_nav"

# Where each kind of work lives, in the order a person with several roles is sent there:
# the first home of this list they have; the header links to the others. Management work
# first (an officer or head who also studies came to manage), learning last.
HOME_PRIORITY: tuple[tuple[str, str], ...] = (
    ("officer", "reports:index"),       # their unit's dashboard (index redirects to it)
    ("school_admin", "reports:index"),  # their school's dashboard
    ("teacher", "courses:teacher_classes"),
    ("employer", "careers:employer_home"),
    ("judge", "contests:index"),        # the entries assigned to them
    ("parent", "families:home"),
    ("learner", "courses:my_learning"),
)


def navigation_flags(user) -> dict:
    from lms.accounts.models import GuardianLink
    from lms.units.capabilities import Capability
    from lms.units.models import Role, RoleKind
    from lms.units.permissions import has_capability

    kinds = set(Role.objects.filter(user=user, ended_at__isnull=True)
                .values_list("kind", flat=True))
    return {
        "learner": RoleKind.LEARNER in kinds,
        "parent": GuardianLink.objects.filter(guardian=user, revoked_at__isnull=True).exists(),
        # A judge role is not a staff role: judges get the contests page, nothing of pupils.
        "staff": user.is_staff or bool(kinds - {RoleKind.LEARNER, RoleKind.JUDGE}),
        "judge": RoleKind.JUDGE in kinds,
        # careers.EmployerMember through its reverse accessor: accounts sits below careers.
        "employer": hasattr(user, "employer_membership"),
        "kinds": sorted(str(kind) for kind in kinds),
        "superuser": user.is_superuser,
        # the header's "Soạn nội dung" link to the Wagtail admin: Wagtail's own check (issue 19)
        "author": user.has_perm("wagtailadmin.access_admin"),
        # what the header's links may show (lms/units/templatetags/may_open.py); kinds holding
        # the same capabilities share one query (permissions.role_paths)
        "caps": sorted(c.value for c in Capability if has_capability(user, c)),
    }


def home_names(flags: dict) -> list[str]:
    """The URL names of the person's homes, first by HOME_PRIORITY, without repeats."""
    held = set(flags.get("kinds") or ())
    held |= {name for name in ("employer", "judge", "parent", "learner") if flags.get(name)}
    if flags.get("superuser"):
        held.add("officer")
    names: list[str] = []
    for kind, url_name in HOME_PRIORITY:
        if kind in held and url_name not in names:
            names.append(url_name)
    return names


def signed_in_home(request):
    """Where "Đăng nhập" lands without a `next`: each role on its work (HOME_PRIORITY); an
    account with no role at all on its own learning."""
    flags = request.session.get(NAV_SESSION_KEY)
    if not flags or "kinds" not in flags:  # sessions from before the flags held the kinds
        flags = navigation_flags(request.user)
    names = home_names(flags)
    return redirect(names[0] if names else "courses:my_learning")
