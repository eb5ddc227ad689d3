"""Issue 18: the staff pages people wait on, at their warm query counts. Every capability check
of a request is answered from one read of the user's live roles (lms.units.permissions), the
grid and the dashboard's body and recognition panel come from caches keyed by their
generations, and the signed-in user's row is kept per worker under its generation
(lms.accounts.usercache), so a warm request reads:

- class grid, its JSON, teacher's class view: their roles (+ the content version, read on
  every request inside a test's transaction, once a second per worker in production); the
  class and the page come from the worker's memory under the class's generation tokens
  (lms/units/generations.py; was: the class, the grid version's five aggregates, the roster);
- officer dashboard: their roles; the unit from the worker's copy under the units' token, read
  in the one cache round trip with the body's and the panels' tokens (was 6: the user, three
  role reads, one per set of role kinds, the unit, and the recognition panel's count)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import enrolment_create
from lms.recognition.models import Candidate
from lms.units.models import Role, RoleKind
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db


def _warm(client, url, expected: int) -> list[str]:
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert len(sql) == expected, sql
    assert sum(Role._meta.db_table in q and "ended_at" in q and "unit_path" in q
               for q in sql) == 1, sql  # the one read of the user's roles
    return sql


@pytest.fixture
def teacher(client, tree, courses):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-queries")
    for _ in range(3):
        enrolment_create(user=learner_in(tree["x1"]), course=courses[0][0])
    client.force_login(teacher)
    return teacher


def test_class_grid_reads_two_queries(client, tree, teacher):
    _warm(client, reverse("reports:class_view", args=[tree["x1"].pk]), 2)


def test_class_grid_json_reads_two_queries(client, tree, teacher):
    _warm(client, reverse("reports:class_view_json", args=[tree["x1"].pk]), 2)


def test_teacher_class_view_reads_two_queries(client, tree, teacher):
    _warm(client, reverse("courses:class_detail", args=[tree["x1"].pk]), 2)


def test_warm_dashboard_reads_one_query(client, tree, target):
    officer = staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-queries")
    client.force_login(officer)
    sql = _warm(client, reverse("reports:dashboard", args=[tree["so_a"].pk]), 1)
    assert not [q for q in sql if Candidate._meta.db_table in q]  # the panel is cached


@pytest.mark.parametrize("page", ["grid", "json", "class", "dashboard"])
def test_warm_staff_page_reads_the_cache_once(client, tree, target, teacher, page,
                                              monkeypatch):
    """The page's generation tokens come in the session's round trip (lms/common/prefetch.py),
    also when a middleware reads the session before the view (a browser's Accept: text/html
    makes the password-change check read it)."""
    from django.core.cache import caches

    if page == "dashboard":
        client.force_login(staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-rt"))
        url = reverse("reports:dashboard", args=[tree["so_a"].pk])
    else:
        url = reverse({"grid": "reports:class_view", "json": "reports:class_view_json",
                       "class": "courses:class_detail"}[page], args=[tree["x1"].pk])
    for _ in range(2):
        assert client.get(url, HTTP_ACCEPT="text/html").status_code == 200
    cache, reads, inside = caches["default"], [], []

    def counted(name, real):
        def call(*args, **kwargs):
            if not inside:  # locmem's get_many calls get per key: one round trip in Redis
                reads.append((name, args[0] if args else None))
            inside.append(name)
            try:
                return real(*args, **kwargs)
            finally:
                inside.pop()
        return call

    for name in ("get", "get_many", "has_key"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    assert client.get(url, HTTP_ACCEPT="text/html").status_code == 200
    assert [name for name, _key in reads] == ["get_many"], reads
