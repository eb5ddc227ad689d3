"""Defect 9, second half (R6): a learner in two classes counts once, in the newest; the class
grid of the older class lists them marked "được tính ở …" and leaves them out of its totals,
which then agree with the counters. Deactivated accounts (R2) are not on the grid."""

import pytest
from django.urls import reverse

from courses.services import enrolment_create
from lms.units.models import RoleKind
from lms.units.services import role_grant
from tests.factories import learner_in, staff_at

from .helpers import complete, figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(tree):
    return staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")


def test_learner_in_two_classes_counts_once_and_the_grid_says_where(
        client, tree, target, courses, teacher):
    stays, both = learner_in(tree["x1"]), learner_in(tree["x1"])
    for person in (stays, both):
        enrolment_create(user=person, course=courses[0][0])
    complete(stays, courses[0])
    client.force_login(teacher)
    url = reverse("reports:class_view_json", args=[tree["x1"].pk])
    assert client.get(url).json()["totals"]["counted"] == 2  # before: both count in 12A1
    page = reverse("reports:class_view", args=[tree["x1"].pk])
    assert "2 học sinh được tính ở lớp này" in client.get(page).content.decode()

    role_grant(user=both, unit=tree["x2"], kind=RoleKind.LEARNER)  # newer: counts in 12A2
    assert figure(target, tree["x1"]) == (1, 1)
    assert figure(target, tree["x2"]) == (1, 0)
    payload = client.get(url).json()
    rows = {r["id"]: r for r in payload["learners"]}
    assert set(rows) == {stays.pk, both.pk}  # still a live member of 12A1
    assert rows[both.pk]["counted_in"] == "Lớp 12A2" and rows[stays.pk]["counted_in"] is None
    assert payload["totals"]["counted"] == figure(target, tree["x1"])[0] == 1
    assert payload["totals"]["elsewhere"] == 1 and payload["totals"]["completed"] == 1
    body = client.get(page).content.decode()  # the cached grid follows the new role at once
    assert "được tính ở Lớp 12A2" in body and "1 học sinh được tính ở lớp này" in body
    other = client.get(reverse("reports:class_view_json", args=[tree["x2"].pk])).json()
    assert other["totals"]["counted"] == figure(target, tree["x2"])[0] == 1
    csv_body = client.get(reverse("reports:class_view_csv", args=[tree["x1"].pk])).content
    assert "Lớp 12A2".encode() in csv_body


def test_deactivated_account_leaves_the_grid(client, tree, target, courses, teacher):
    gone, stays = learner_in(tree["x1"]), learner_in(tree["x1"])
    for person in (gone, stays):
        enrolment_create(user=person, course=courses[0][0])
    client.force_login(teacher)
    page = reverse("reports:class_view", args=[tree["x1"].pk])
    assert gone.full_name in client.get(page).content.decode()
    gone.is_active = False
    gone.save()
    body = client.get(page).content.decode()
    assert gone.full_name not in body and "1 học sinh được tính ở lớp này" in body
    assert figure(target, tree["x1"]) == (1, 0)
