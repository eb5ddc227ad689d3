"""Wagtail admin's page API URLconf, loaded on first use (see lms.common.wagtail_apps): Wagtail's
own wagtail/admin/api/urls.py (its router, endpoints and `construct_admin_api` hooks), with the
image and document view sets the hooks registered as placeholders swapped for the real ones;
every view wrapped in require_admin_access, as wagtail.admin.urls does for what it includes."""

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from lms.common.lazy_modules import load_shadowed
from lms.common.wagtail_apps import ADMIN_API_URLS, DeferredViewSet

_router = load_shadowed(ADMIN_API_URLS).admin_api
for _name, _class in list(_router._endpoints.items()):
    if isinstance(_class, DeferredViewSet):
        _router._endpoints[_name] = _class.load()

app_name = _router.url_namespace
urlpatterns = decorate_urlpatterns(_router.get_urlpatterns(), require_admin_access)
