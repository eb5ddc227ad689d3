"""Issue 16, "what done looks like": every view of the project declares who may reach it, with
one decorator or class attribute from lms/units/access.py (`@public`, `@signed_in`,
`@requires(capability)`), or is a DRF view guarded by our own permission classes. Third-party
trees are listed below, each with the reason it is safe. A new view without a declaration fails
this test."""

import importlib.util

from django.urls import URLPattern, URLResolver, get_resolver

from lms.units.access import declared_access
from lms.units.capabilities import Capability

# Route prefixes owned by a third-party app that guards them itself.
THIRD_PARTY_PREFIXES = {
    "admin/": "Wagtail admin: every view is wrapped by Wagtail's require_admin_access "
              "(signed in with the 'access admin' permission) and checks its own model "
              "permissions; the login view redirects to the site's sign-in",
    "django-admin/": "Django admin: admin_view() requires an active staff member on every view",
    "documents/": "Wagtail documents: served through Wagtail's collection privacy "
                  "(password or signed-in restrictions) checked in its serve view",
}

# Callbacks from third-party modules outside those prefixes, and why each is safe.
THIRD_PARTY_VIEWS = {
    "oauth2_provider.views.base.TokenView": "the OAuth token endpoint authenticates the "
                                            "client by its id and secret itself",
    "drf_spectacular.views.SpectacularAPIView": "the OpenAPI schema of a public API: it "
                                                "describes endpoints, never returns data",
    "drf_spectacular.views.SpectacularSwaggerSplitView": "static documentation page for the "
                                                      "schema",
    "drf_spectacular.views.SpectacularRedocView": "static documentation page for the schema",
    "rest_framework.routers.APIRootView": "the API's index of endpoint links; DRF's default "
                                          "permission (IsAuthenticated) applies",
}

# DRF permission classes that are ours (built on lms.units.permissions).
OUR_PERMISSION_MODULES = ("lms.api.permissions",)


# Other URLconfs served by the project (the content origin for package content, when present).
EXTRA_URLCONFS = ["lms.content_origin.urls"]


def _all_routes():
    routes = list(_walk(get_resolver().url_patterns))
    for urlconf in EXTRA_URLCONFS:
        if importlib.util.find_spec(urlconf.rsplit(".", 1)[0]) is not None:
            routes += [(f"[{urlconf}] {route}", callback)
                       for route, callback in _walk(get_resolver(urlconf).url_patterns)]
    return routes


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _dotted(callback) -> str:
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    target = cls or callback
    return f"{target.__module__}.{target.__qualname__}"


def _drf_guarded(callback) -> bool:
    cls = getattr(callback, "cls", None)
    if cls is None:
        return False
    classes = list(getattr(cls, "permission_classes", []))
    return bool(classes) and all(c.__module__ in OUR_PERMISSION_MODULES for c in classes)


def classify(route: str, callback) -> str:
    """'declared:<rule>', 'drf', 'third-party', or 'UNDECLARED'."""
    access = declared_access(callback)
    if access is not None:
        return f"declared:{access}"
    if _drf_guarded(callback):
        return "drf"
    if any(route.startswith(prefix) for prefix in THIRD_PARTY_PREFIXES):
        return "third-party"
    if _dotted(callback) in THIRD_PARTY_VIEWS:
        return "third-party"
    return "UNDECLARED"


def test_every_view_declares_public_or_a_capability():
    routes = _all_routes()
    assert len(routes) > 150  # the walk reached the included URLconfs
    undeclared = sorted({f"{route} → {_dotted(callback)}" for route, callback in routes
                         if classify(route, callback) == "UNDECLARED"})
    assert undeclared == [], "\n".join(undeclared)


def test_the_walk_sees_every_kind_of_declaration():
    """The classification is not vacuous: each rule and several capabilities are in use."""
    kinds = {classify(route, callback) for route, callback in _all_routes()}
    for expected in ("declared:public", "declared:signed_in", "drf", "third-party",
                     f"declared:{Capability.VIEW_REPORTS}",
                     f"declared:{Capability.JUDGE_ENTRIES}"):
        assert expected in kinds, expected


def test_an_undeclared_view_is_caught():
    def bare_view(request):
        raise AssertionError

    assert classify("bao-cao/moi/", bare_view) == "UNDECLARED"


def test_third_party_exceptions_are_still_routed():
    """An exception whose view left the URLconf must leave this list too."""
    routes = _all_routes()
    dotted = {_dotted(callback) for _route, callback in routes}
    assert set(THIRD_PARTY_VIEWS) <= dotted
    for prefix in THIRD_PARTY_PREFIXES:
        assert any(route.startswith(prefix) for route, _callback in routes), prefix
