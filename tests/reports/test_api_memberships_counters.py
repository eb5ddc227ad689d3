"""Class memberships changed through the API move the learner in the reports at once.

Regression: the API ended and reopened roles with a queryset UPDATE (no post_save), so a
learner taken out of a class through `/api/v1/memberships/` stayed counted in it until some
later roster or profile change."""

import pytest
from rest_framework.test import APIClient

from lms.reports.models import TargetLearner
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at


@pytest.fixture
def head_api(tree):
    api = APIClient()
    api.force_authenticate(staff_at(tree["school_x"], RoleKind.SCHOOL_ADMIN))
    return api


def counted_at(target, learner):
    return TargetLearner.objects.get(target=target, learner=learner).unit_id


def test_memberships_ended_and_reopened_through_the_api_move_the_count(tree, target, head_api):
    learner = learner_in(tree["x1"])
    assert counted_at(target, learner) == tree["x1"].pk

    payload = {"learner": learner.pk, "class_unit": tree["x2"].pk}
    added = head_api.post("/api/v1/memberships/", payload)
    assert added.status_code == 201, added.content
    assert counted_at(target, learner) == tree["x2"].pk  # the newest class counts

    assert head_api.delete(f"/api/v1/memberships/{added.json()['id']}/").status_code == 204
    assert counted_at(target, learner) == tree["x1"].pk  # back in the class they still attend

    assert head_api.post("/api/v1/memberships/", payload).status_code == 201  # reopened
    assert counted_at(target, learner) == tree["x2"].pk
