"""A path already served as a CMS page skips the URLconf's other patterns (lms.pagecache.router,
issue 18) — and no other path is taken from them."""

import pytest
from django.urls import resolve, reverse

from lms.pagecache import router
from tests.factories import course_with_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_known_paths():
    router._known_paths.clear()
    yield
    router._known_paths.clear()


def test_served_page_path_resolves_first_and_other_routes_stay(client):
    _course, lessons = course_with_lessons(1)
    path = lessons[0].url
    assert client.get(path).status_code == 200
    assert path[1:] in router._known_paths
    assert resolve(path).func is router.serve
    assert resolve(path).url_name is None  # the front pattern, not the catch-all
    # the site's own routes are untouched, and an unknown path still reaches the catch-all
    login = reverse("accounts:login")
    assert resolve(login).url_name == "login"
    assert resolve("/khong-co-trang-nay/").url_name == "wagtail_serve"
    assert reverse("wagtail_serve", kwargs={"path": "a/"}) == "/a/"


def test_missing_pages_are_not_remembered(client):
    assert client.get("/khong-co-trang-nay/").status_code == 404
    assert "khong-co-trang-nay/" not in router._known_paths


def test_the_known_paths_are_bounded(client, monkeypatch):
    _course, lessons = course_with_lessons(2)
    monkeypatch.setattr(router, "KNOWN_PATHS_MAX", 1)
    client.get(lessons[0].url)
    client.get(lessons[1].url)
    assert router._known_paths == {lessons[1].url[1:]}
