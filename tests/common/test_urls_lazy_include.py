"""Issue 18, worker memory: the API URLconfs (HọcMở's /api/, Wagtail admin's /admin/api/main/)
are imported on first use (lms.common.lazy_urls), and Wagtail's apps skip registering their
unmounted v3 API (lms.common.wagtail_apps). Every address, name and guard stays as it was."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import resolve, reverse

from lms.common.lazy_urls import lazy_include
from tests.factories import UserFactory


def test_api_names_reverse_to_their_addresses():
    assert reverse("api:docs") == "/api/docs/"
    assert reverse("api:schema") == "/api/schema/"
    assert reverse("api:token") == "/api/oauth/token/"
    assert reverse("api:unit-list") == "/api/v1/units/"
    assert reverse("wagtailadmin_api:pages:listing") == "/admin/api/main/pages/"
    assert reverse("wagtailadmin_api:images:listing") == "/admin/api/main/images/"
    assert reverse("wagtailadmin_api:documents:listing") == "/admin/api/main/documents/"


def test_api_paths_resolve_to_their_views():
    assert resolve("/api/v1/units/").func.cls.__name__ == "UnitViewSet"
    assert resolve("/api/khong-co/").url_name is None  # the JSON 404 catch-all
    assert resolve("/admin/api/main/pages/").func.__name__ == "PagesAdminAPIViewSet"


@pytest.mark.django_db
def test_unknown_api_path_is_still_a_json_404(client):
    response = client.get("/api/khong-co/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_wagtail_admin_api_still_requires_admin_access(client):
    url = reverse("wagtailadmin_api:pages:listing")
    assert client.get(url).status_code == 302  # to the sign-in
    client.force_login(UserFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name in ("pages", "images", "documents"):
        response = client.get(reverse(f"wagtailadmin_api:{name}:listing"))
        assert response.status_code == 200, name
        assert "items" in response.json()


@pytest.mark.django_db
def test_wagtail_admin_explorer_page_renders(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b"/admin/api/main/pages/" in response.content  # the explorer's API address


def test_lazy_include_refuses_a_namespace_other_than_the_app_name():
    resolver = lazy_include("x/", "lms.api.urls", "not-api")
    with pytest.raises(ImproperlyConfigured):
        resolver.reverse_dict  # noqa: B018


def test_deferred_jwk_still_works():
    from jwcrypto import jwk

    key = jwk.JWK.generate(kty="oct", size=256)
    assert key.export_symmetric()


def test_deferred_requests_still_works():
    import requests
    from wagtail.embeds.finders import oembed

    assert oembed.requests is requests
    assert issubclass(requests.RequestException, OSError)


@pytest.mark.django_db
def test_browsable_api_pages_still_load_drfs_template_tags(client):
    """DRF's template tag library is a stand-in until a template loads it (lazy_modules)."""
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html")
    assert response.status_code in (401, 403)
    assert response["Content-Type"].startswith("text/html")
    assert b"Django REST framework" in response.content
