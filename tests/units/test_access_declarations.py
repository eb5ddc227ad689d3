"""The view declarations of lms/units/access.py: what each lets through."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.views import View

from lms.units.access import (
    PublicView,
    SignedInView,
    declared_access,
    public,
    requires,
    signed_in,
)
from lms.units.capabilities import Capability
from lms.units.models import RoleKind
from tests.factories import staff_at

pytestmark = pytest.mark.django_db


def _ok(request, *args, **kwargs):
    return HttpResponse("ok")


def _get(user):
    request = RequestFactory().get("/bao-cao/lop/1/")
    request.user = user
    return request


def test_requires_sends_anonymous_to_sign_in_and_refuses_without_capability(school_tree):
    view = requires(Capability.VIEW_REPORTS)(_ok)
    anonymous = view(_get(AnonymousUser()))
    assert anonymous.status_code == 302 and "next=/bao-cao/lop/1/" in anonymous["Location"]
    with pytest.raises(Http404):
        view(_get(staff_at(school_tree["so"], RoleKind.JUDGE)))
    assert view(_get(staff_at(school_tree["school_b"], RoleKind.TEACHER))).status_code == 200
    assert str(declared_access(view)) == "view_reports"


def test_signed_in_and_public(school_tree):
    assert signed_in(_ok)(_get(AnonymousUser())).status_code == 302
    judge = staff_at(school_tree["so"], RoleKind.JUDGE)
    assert signed_in(_ok)(_get(judge)).status_code == 200
    assert public(_ok)(_get(AnonymousUser())).status_code == 200
    assert str(declared_access(signed_in(_ok))) == "signed_in"
    assert declared_access(lambda request: None) is None  # a bare view declares nothing


def test_class_based_mixins(school_tree):
    class Mine(SignedInView, View):
        def get(self, request):
            return HttpResponse("ok")

    class Open(PublicView, View):
        def get(self, request):
            return HttpResponse("ok")

    assert Mine.as_view()(_get(AnonymousUser())).status_code == 302
    assert Mine.as_view()(_get(staff_at(school_tree["so"], RoleKind.JUDGE))).status_code == 200
    assert str(declared_access(Mine.as_view())) == "signed_in"
    assert str(declared_access(Open.as_view())) == "public"


def test_unknown_capability_is_refused_at_import_time():
    with pytest.raises(ValueError):
        requires("see_everything")


def test_signed_in_json_answers_401_not_a_redirect(school_tree):
    view = signed_in(json=True)(_ok)
    response = view(_get(AnonymousUser()))
    assert response.status_code == 401 and response["Content-Type"] == "application/json"
    assert view(_get(staff_at(school_tree["so"], RoleKind.JUDGE))).status_code == 200
    assert str(declared_access(view)) == "signed_in"
