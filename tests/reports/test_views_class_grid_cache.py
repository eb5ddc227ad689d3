"""Issue 18: the class grid's JSON (luoi.json) comes from the same cache entry as the grid page
— it used to rebuild the grid on every request (9 queries) — and follows a progress write at
once, like the page."""

import pytest
from django.urls import reverse

from courses.services import enrolment_create
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


def test_grid_json_shares_the_page_cache_and_stays_fresh(client, tree, courses,
                                                         django_assert_max_num_queries):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-cache")
    learners = [learner_in(tree["x1"]) for _ in range(3)]
    for person in learners:
        enrolment_create(user=person, course=courses[0][0])
    client.force_login(teacher)
    page = reverse("reports:class_view", args=[tree["x1"].pk])
    url = reverse("reports:class_view_json", args=[tree["x1"].pk])
    assert client.get(page).status_code == 200  # fills the shared entry
    # the teacher's roles, the content version (in a test's transaction): no grid query
    with django_assert_max_num_queries(2):
        payload = client.get(url).json()
    assert payload["totals"]["completed"] == 0 and len(payload["learners"]) == 3
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200

    complete(learners[0], courses[0])  # a progress write bumps the class's token
    assert client.get(url).json()["totals"]["completed"] == 1
    assert client.get(url)["Content-Type"] == "application/json"
