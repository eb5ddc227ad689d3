"""Which navigation a signed-in user gets, decided once at sign-in (receivers.py) and kept in
the session, so rendering the header on every page costs no query (signed-in lesson pages have
a budget of 4)."""

from django.shortcuts import redirect

NAV_SESSION_KEY = "hocmo_nav"


def navigation_flags(user) -> dict[str, bool]:
    from lms.accounts.models import GuardianLink
    from lms.units.models import Role, RoleKind

    kinds = set(Role.objects.filter(user=user, ended_at__isnull=True)
                .values_list("kind", flat=True))
    return {
        "learner": RoleKind.LEARNER in kinds,
        "parent": GuardianLink.objects.filter(guardian=user, revoked_at__isnull=True).exists(),
        # A judge role is not a staff role: judges get the contests page, nothing of pupils.
        "staff": user.is_staff or bool(kinds - {RoleKind.LEARNER, RoleKind.JUDGE}),
        "judge": RoleKind.JUDGE in kinds,
    }


def signed_in_home(request):
    """Where "Đăng nhập" lands without a `next`: parents on their children, learners on their
    learning, staff on their classes, judges on the contests they judge."""
    flags = request.session.get(NAV_SESSION_KEY) or navigation_flags(request.user)
    if flags.get("parent") and not flags.get("learner"):
        return redirect("families:home")
    if flags.get("staff") and not flags.get("learner"):
        return redirect("courses:teacher_classes")
    if flags.get("judge") and not flags.get("learner"):
        return redirect("contests:index")
    return redirect("courses:my_learning")
