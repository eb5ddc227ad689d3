"""Issue 18: the teacher's class view (≥ 400 req/s) — the course list is kept per content
version and the page per the class's generation tokens (lms/units/generations.py), so a reload
costs the teacher's roles and the content version (at most once a second in production; every
request inside a test's transaction): 2 queries (was 6: the user, the roles, the class, its
roster, the content version and the families link's role paths), and a publish shows at
once."""

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
    with django_assert_max_num_queries(2), CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert not [q for q in ctx.captured_queries if "courses_coursepage" in q["sql"]]
    assert response.content.decode().count("<option") == 1

    new, _ = course_with_lessons(1, slug="moi")
    new.save_revision().publish()  # a publish moves the content version: the list follows
    assert client.get(url).content.decode().count("<option") == 2
