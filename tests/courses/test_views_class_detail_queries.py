"""Issue 18: the teacher's class view (≥ 400 req/s) — the course list is kept per content
version, so a reload costs the user, the teacher's roles, the class, its roster and the
content version (at most once a second in production; every request inside a test's
transaction): 5 queries instead of 6, and a publish shows at once. Issue 19 item 4 adds one:
the link to the class's families page is shown only where that page opens, which asks for the
teacher-and-head role paths (a different role set from the enrolment check's)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import course_with_lessons, learner_in, staff_at

pytestmark = pytest.mark.django_db


def test_class_view_reload_reads_no_course_list(client, school_tree,
                                                django_assert_max_num_queries):
    course_with_lessons(2)
    for _ in range(3):
        learner_in(school_tree["class_b"])
    client.force_login(staff_at(school_tree["school_b"]))
    url = reverse("courses:class_detail", args=[school_tree["class_b"].pk])
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(6), CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert not [q for q in ctx.captured_queries if "courses_coursepage" in q["sql"]]
    assert response.content.decode().count("<option") == 1

    new, _ = course_with_lessons(1, slug="moi")
    new.save_revision().publish()  # a publish moves the content version: the list follows
    assert client.get(url).content.decode().count("<option") == 2
