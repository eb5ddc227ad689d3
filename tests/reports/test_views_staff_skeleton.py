"""Issue 18: the staff pages (class grid, teacher's class view, officer dashboard) are kept
rendered with the CSRF token and the viewer's name as slots (lms/pagecache/skeleton.py). Nothing of
one viewer reaches another; a skeleton from the shared cache is filled like the worker's own;
one with another process's markers is never used; messages bypass it."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from lms.pagecache import skeleton
from lms.pagecache.versioning import versioned_local_clear
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MARKERS = ("hocmo-csrf-", "hocmo-name-", "hocmo-fill-")


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def urls(tree, target):
    return [reverse("reports:class_view", args=[tree["x1"].pk]),
            reverse("courses:class_detail", args=[tree["x1"].pk])]


def _clean(body: str) -> None:
    assert not [m for m in MARKERS if m in body], body


def test_two_teachers_get_their_own_name_and_token(tree, urls):
    learner_in(tree["x1"])
    one = _client(staff_at(tree["school_x"], RoleKind.TEACHER, full_name="Cô Giáo Một"))
    two = _client(staff_at(tree["school_x"], RoleKind.TEACHER, full_name="Thầy <i>Hai</i>"))
    for url in urls:
        first, second = one.get(url).content.decode(), two.get(url).content.decode()
        _clean(first)
        _clean(second)
        assert "Cô Giáo Một" in first and "Cô Giáo Một" not in second
        assert "Thầy &lt;i&gt;Hai&lt;/i&gt;" in second and "Hai</i>" not in second
        assert TOKEN.search(first).group(1) != TOKEN.search(second).group(1)
    # the language form's token is this session's: the POST passes the CSRF check
    token = TOKEN.search(one.get(urls[0]).content.decode()).group(1)
    assert one.post(reverse("language_switch", args=["en"]),
                    {"csrfmiddlewaretoken": token, "next": urls[0]}).status_code == 302


def test_a_skeleton_from_the_shared_cache_is_filled(tree, urls):
    teacher = _client(staff_at(tree["school_x"], RoleKind.TEACHER, full_name="Cô Giáo Ba"))
    for url in urls:
        assert teacher.get(url).status_code == 200
    versioned_local_clear()  # another worker: only the shared cache holds the skeletons
    for url in urls:
        body = teacher.get(url).content.decode()
        _clean(body)
        assert "Cô Giáo Ba" in body


def test_a_skeleton_with_another_process_markers_is_never_used(tree, target, urls,
                                                               monkeypatch):
    officer = _client(staff_at(tree["so_a"], RoleKind.OFFICER, full_name="Cán Bộ Sở"))
    pages = [*urls, reverse("reports:dashboard", args=[tree["so_a"].pk])]
    for url in pages:
        assert officer.get(url).status_code == 200
    versioned_local_clear()  # a process with another SECRET_KEY: other markers
    monkeypatch.setattr(skeleton, "CSRF_SLOT", "hocmo-csrf-other")
    monkeypatch.setattr(skeleton, "NAME_SLOT", "hocmo-name-other")
    monkeypatch.setattr(skeleton, "_SLOTS_ID", "other")
    monkeypatch.setattr(skeleton, "_fill_slots", {})
    monkeypatch.setattr(skeleton, "_slot", lambda name: f"hocmo-{name}-other")
    for url in pages:
        body = officer.get(url).content.decode()
        assert not [m for m in MARKERS if m in body.replace("-other", "")], url
        assert "-other" not in body and "Cán Bộ Sở" in body


def test_a_request_with_messages_is_rendered_in_full(client, tree, courses):
    """class_enrol redirects to the class view with a message: it shows once, then the page
    comes from its skeleton again."""
    learner_in(tree["x1"])
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER)
    client.force_login(teacher)
    url = reverse("courses:class_detail", args=[tree["x1"].pk])
    assert client.get(url).status_code == 200
    response = client.post(reverse("courses:class_enrol", args=[tree["x1"].pk]),
                           {"course": courses[0][0].pk}, follow=True)
    body = response.content.decode()
    assert "Đã ghi danh 1 học sinh" in body
    _clean(body)
    assert "Đã ghi danh" not in client.get(url).content.decode()
