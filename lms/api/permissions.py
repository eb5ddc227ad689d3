"""API permissions, built on the one permission layer (lms/units/permissions.py)."""

from types import SimpleNamespace

from oauth2_provider.models import AccessToken
from rest_framework.permissions import SAFE_METHODS, BasePermission

from lms.accounts.models import User
from lms.units.capabilities import Capability
from lms.units.permissions import can_manage_unit, learner_unit_paths, learners_visible_to


class ApiAccess(BasePermission):
    """A signed-in person (session, CSRF on writes) or an integration token. Tokens need the
    `read` scope for reads, and `write` plus a client allowed to write for writes."""

    message = "Cần đăng nhập hoặc mã truy cập hợp lệ. / Sign in or send a valid access token."

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        token = request.auth
        if isinstance(token, AccessToken):
            if request.method in SAFE_METHODS:
                return token.allow_scopes(["read"])
            client = getattr(user, "api_client", None)
            return token.allow_scopes(["write"]) and bool(client and client.can_write)
        return True


def visible_learners(user):
    """Learner ids `user` may see (VIEW_LEARNER_PERSONAL_DATA), as a subquery."""
    if not user.is_authenticated:  # also the schema generator's anonymous fake request
        return User.objects.none().values("pk")
    return User.objects.filter(learners_visible_to(user)).values("pk")


def can_manage_learner(user, learner,
                       capability: Capability = Capability.ENROL_LEARNERS) -> bool:
    """Self, or a holder of `capability` whose subtree holds one of the learner's classes
    (guardians may read, not act for the school)."""
    if user.pk == learner.pk or user.is_superuser:
        return True
    return any(can_manage_unit(user, SimpleNamespace(path=p),  # type: ignore[arg-type]  # .path only
                               capability)
               for p in learner_unit_paths(learner))
