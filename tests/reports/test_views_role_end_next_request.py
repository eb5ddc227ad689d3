"""Issue 18: the staff pages cache what they can (the grid, the dashboard's body and panels),
but never who may see them: ending a teacher's or an officer's role — through the service, or
the roster import's bulk UPDATE that sends no signal — refuses the very next request."""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.services import enrolment_create
from lms.units.models import Role, RoleKind
from lms.units.services import role_end
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher_grid(client, tree, courses):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-end")
    enrolment_create(user=learner_in(tree["x1"]), course=courses[0][0])
    client.force_login(teacher)
    urls = [reverse("reports:class_view", args=[tree["x1"].pk]),
            reverse("reports:class_view_json", args=[tree["x1"].pk]),
            reverse("courses:class_detail", args=[tree["x1"].pk])]
    for url in urls:  # twice: every cache warm
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
    return teacher, urls


def test_ending_a_teachers_role_refuses_the_very_next_request(client, teacher_grid):
    teacher, urls = teacher_grid
    role_end(role=Role.objects.get(user=teacher, kind=RoleKind.TEACHER))
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]


def test_a_bulk_update_ending_the_role_refuses_the_next_request_too(client, teacher_grid):
    """No signal, no cache bump: the roles are read per request, so nothing can go stale."""
    teacher, urls = teacher_grid
    Role.objects.filter(user=teacher).update(ended_at=timezone.now())
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]


def test_ending_an_officers_role_refuses_the_next_dashboard(client, tree, target):
    officer = staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-end")
    client.force_login(officer)
    url = reverse("reports:dashboard", args=[tree["so_a"].pk])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # body and panels cached
    role_end(role=Role.objects.get(user=officer))
    assert client.get(url).status_code == 404
