"""Wagtail's image, document, snippet, redirect and admin apps without the Wagtail API v3
registration (issue 18, worker memory).

Their ready() hooks register routers with Wagtail's v3 content API (django-ninja + pydantic) and,
for redirects, import the v2 API's serializers (Django REST framework, requests, pygments):
~25 MiB in every process, although this project mounts neither API (`wagtail.api.v3` is not an
installed app and no URLconf includes Wagtail's API; HọcMở's own API is lms.api). These configs
run Wagtail's own ready() unchanged while the API modules it imports are stand-ins whose
registration calls do nothing; the stand-ins are removed afterwards, so anything importing the
real modules later gets them. tests/test_worker_imports.py checks ninja, pydantic and DRF stay
out of a web worker.
"""

import sys
import types
from contextlib import contextmanager

# pillow-heif (~5–7 MiB a process) only lets Willow open HEIC/HEIF images: uploads of those are
# refused anyway (Wagtail's default WAGTAILIMAGES_EXTENSIONS, kept by this project), and Pillow
# opens AVIF itself. Marked absent before Willow's Pillow plugin tries to import it.
sys.modules.setdefault("pillow_heif", None)  # type: ignore[arg-type]

from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig  # noqa: E402
from wagtail.documents.apps import WagtailDocsAppConfig  # noqa: E402
from wagtail.images.apps import WagtailImagesAppConfig  # noqa: E402
from wagtail.snippets.apps import WagtailSnippetsAppConfig  # noqa: E402

from lms.common.lazy_modules import load_shadowed  # noqa: E402


def _nothing(*args, **kwargs) -> None:
    return None


def _stand_in(name: str) -> types.ModuleType:
    module = types.ModuleType(name, "Stand-in: Wagtail's API is not mounted here")
    module.__path__ = []  # a package, so submodule stand-ins import below it
    module.__dict__.update(api=types.SimpleNamespace(add_router=_nothing),  # wagtail.api.v3.api.api
                           router=None, register_content_types=_nothing)
    return module


@contextmanager
def _without_wagtail_api(*names: str):
    names = ("wagtail.api.v3", "wagtail.api.v3.api", *names)
    saved = {name: sys.modules.get(name) for name in names}
    sys.modules.update({name: _stand_in(name) for name in names})
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self):
        with _without_wagtail_api("wagtail.images.api.v3", "wagtail.images.api.v3.registry",
                                  "wagtail.images.api.v3.router"):
            super().ready()


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self):
        with _without_wagtail_api("wagtail.snippets.api.v3", "wagtail.snippets.api.v3.router"):
            super().ready()


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self):
        with _without_wagtail_api("wagtail.contrib.redirects.api",
                                  "wagtail.contrib.redirects.api.v3",
                                  "wagtail.contrib.redirects.api.v3.router"):
            super().ready()


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        with _without_wagtail_api("wagtail.documents.api.v3", "wagtail.documents.api.v3.registry",
                                  "wagtail.documents.api.v3.router"):
            super().ready()


# Wagtail's admin URLconf includes its page-explorer API (wagtail.admin.api.urls: Django REST
# framework, Wagtail's v2 API, pydantic), which only the admin's own scripts call, and the image
# and document hooks import that API's view sets to register them. Those three modules are
# stand-ins from here on; lms.urls mounts the same routes at the same address and namespace
# (/admin/api/main/, `wagtailadmin_api:`) with lazy_include, so Wagtail's real modules are
# imported on the first request under /admin/api/main/ or the first reverse of a
# `wagtailadmin_api:` name, behind Wagtail's require_admin_access as before
# (lms.common.wagtail_admin_api).
ADMIN_API_URLS = "wagtail.admin.api.urls"
ADMIN_API_VIEW_SETS = {"wagtail.images.api.admin.views": "ImagesAdminAPIViewSet",
                       "wagtail.documents.api.admin.views": "DocumentsAdminAPIViewSet"}


class DeferredViewSet:
    """Registered by a `construct_admin_api` hook in place of the view set: any attribute read
    loads the real class (Wagtail's router reads them while building the admin API's URLconf),
    which then replaces it in the router (lms.common.wagtail_admin_api)."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def load(self):
        return getattr(load_shadowed(self.module), self.name)

    def __getattr__(self, attr):
        return getattr(self.load(), attr)


def _defer_wagtail_admin_api() -> None:
    if ADMIN_API_URLS not in sys.modules:
        module = types.ModuleType(ADMIN_API_URLS, "Stand-in: lms.common.wagtail_apps")
        module.__dict__["urlpatterns"] = []
        sys.modules[ADMIN_API_URLS] = module
    for name, attr in ADMIN_API_VIEW_SETS.items():
        if name not in sys.modules:
            module = types.ModuleType(name, "Stand-in: lms.common.wagtail_apps")
            setattr(module, attr, DeferredViewSet(name, attr))
            sys.modules[name] = module


_defer_wagtail_admin_api()  # at app loading: before any hook or URLconf module is imported
