"""Issue 16 defect 1: package content lives on a content origin of its own. There, only package
files and player frames answer, no cookie goes in or out, and the policy is strict; the site
serves no package file and embeds the player sandboxed."""

import io
from urllib.parse import quote

import pytest

from courses.h5p.demo_package import build_demo_package
from courses.h5p.services import h5p_package_store
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CONTENT = {"HTTP_HOST": "noidung.testserver"}
ACTIVITY = "http://testserver/xapi/activities/lessons/7/h5p/3"


@pytest.fixture
def package(h5p_root):
    return h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)


def _frame_url(package, activity=ACTIVITY):
    return f"/h5p/play/{package.sha256}/?activity={quote(activity, safe='')}"


def test_player_frame_is_strict_and_framed_by_the_site_only(client, package):
    response = client.get(_frame_url(package), **CONTENT)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'data-h5p-path="/h5p/p/{package.sha256}"' in page
    assert f'data-activity="{ACTIVITY}"' in page
    assert 'data-parent-origin="http://testserver"' in page
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors http://testserver" in policy
    assert "sandbox allow-scripts" in policy and "allow-same-origin" not in policy
    assert "script-src http://noidung.testserver;" in policy
    assert "connect-src http://noidung.testserver;" in policy
    assert "'unsafe-eval'" not in policy and "default-src 'none'" in policy
    assert "X-Frame-Options" not in response  # frame-ancestors decides


@pytest.mark.parametrize("activity", [
    "https://attacker.example/xapi/activities/lessons/7/h5p/3",
    "http://testserver/khoa-hoc/",
    "javascript:alert(1)",
    "",
])
def test_player_frame_refuses_other_activities(client, package, activity):
    assert client.get(_frame_url(package, activity), **CONTENT).status_code == 400


def test_player_frame_unknown_package(client, h5p_root):
    assert client.get(f"/h5p/play/{'a' * 64}/?activity={ACTIVITY}", **CONTENT).status_code == 404


def test_content_origin_takes_and_gives_no_cookie(client, package):
    client.force_login(UserFactory(username="hocsinh"))
    client.cookies["csrftoken"] = "x" * 32
    response = client.get(_frame_url(package), **CONTENT)
    assert response.status_code == 200
    assert "HTTP_COOKIE" not in response.wsgi_request.META
    assert response.wsgi_request.user.is_anonymous
    assert not response.cookies
    lib = client.get(f"/h5p/p/{package.sha256}/h5p.json", **CONTENT)
    assert lib.status_code == 200 and not lib.cookies


@pytest.mark.parametrize("path", ["/", "/tai-khoan/dang-nhap/", "/admin/", "/django-admin/",
                                  "/xapi/statements", "/api/v1/", "/khoa-hoc/", "/cua-toi/",
                                  "/h5p/", "/jsi18n/"])
def test_content_origin_serves_nothing_of_the_site(client, path):
    client.force_login(UserFactory(username="hocsinh"))
    response = client.get(path, **CONTENT)
    assert response.status_code == 404
    assert not response.cookies
    assert "sandbox" in response["Content-Security-Policy"]


def test_site_serves_no_player_frame(client, package):
    assert client.get(_frame_url(package)).status_code == 404
