"""The site's URLconf with its own error handlers, plus two views that fail on purpose (for
tests/test_views_error_pages.py): the handlers are the ones lms/urls.py wires."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from lms.units.access import public
from lms.urls import handler403, handler404, handler500  # noqa: F401 - the wiring under test
from lms.urls import urlpatterns as site_patterns


@public
def refuse(request):
    raise PermissionDenied


@public
def fail(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("__test__/cam/", refuse),
    path("__test__/loi/", fail),
    *site_patterns,
]
