"""Every view declares who may reach it, with ONE decorator (function views) or one class
attribute set by a mixin (class-based views):

- `@public`: anyone, signed in or not (sign-in pages, public catalogues, verification);
- `@signed_in`: any signed-in person, for their own things; anything of someone else the view
  shows is checked per object by the permission layer (can_view_learner, …);
- `@requires(capability)`: signed in and holding `capability` somewhere; the view then checks
  the unit or learner asked for with the same capability (can_manage_unit, …).

Anonymous visitors of the last two are sent to sign in; signed-in people without the capability
get 404, like every forbidden object. tests/units/test_urlconf_declared.py walks the URLconf and
fails for a view that declares none of these.

This is the project's one `access.py`: view decorators only. Permission rules live in
permissions.py modules (docs/architecture.md, "Where authorization goes")."""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from .capabilities import Capability
from .permissions import has_capability

ACCESS_ATTR = "hocmo_access"


@dataclass(frozen=True)
class Access:
    rule: str  # "public" | "signed_in" | "capability"
    capability: Capability | None = None

    def __str__(self) -> str:
        return self.capability.value if self.capability else self.rule


PUBLIC = Access("public")
SIGNED_IN = Access("signed_in")


def _declare(view, access: Access):
    setattr(view, ACCESS_ATTR, access)
    return view


def public(view):
    """Open to anyone (the view itself must show nothing personal without its own check)."""
    return _declare(view, PUBLIC)


def signed_in(view=None, *, json: bool = False):
    """Signed in (else the sign-in page, or with `json=True` a JSON 401 for endpoints that
    scripts call); the view shows the user's own things or checks each object through the
    permission layer. Use as `@signed_in` or `@signed_in(json=True)`."""

    def decorator(view):
        if not json:
            return _declare(login_required(view), SIGNED_IN)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return JsonResponse({"detail": _("Cần đăng nhập.")}, status=401)
            return view(request, *args, **kwargs)

        return _declare(guarded, SIGNED_IN)

    return decorator(view) if view is not None else decorator


def declare(view, access: Access):
    """For a project decorator that authenticates by itself (the xAPI endpoint's credentials):
    mark what it declares."""
    return _declare(view, access)


def requires(capability: Capability):
    """Signed in and holding `capability` somewhere (superusers hold all); 404 otherwise."""
    capability = Capability(capability)

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_capability(request.user, capability):
                raise Http404
            return view(request, *args, **kwargs)

        return _declare(guarded, Access("capability", capability))

    return decorator


def declared_access(view) -> Access | None:
    """The declaration of a resolved URL callback (function view or `as_view()`)."""
    access = getattr(view, ACCESS_ATTR, None)
    if access is None and hasattr(view, "view_class"):
        access = getattr(view.view_class, ACCESS_ATTR, None)
    return access


class PublicView:
    """Mixin for class-based views open to anyone."""

    hocmo_access = PUBLIC


class SignedInView:
    """Mixin for class-based views for any signed-in person (own things / per-object checks)."""

    hocmo_access = SIGNED_IN

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
