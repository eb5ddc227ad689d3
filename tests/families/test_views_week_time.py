"""Issue 16, defect 7: the parent's "minutes this week" counts time that really passed. The
same runtime report posted twice, or five 30-minute reports posted at once, add no more than
the time since the child's previous activity."""

import json

import pytest
from django.urls import reverse

from courses.models import LessonProgress
from courses.services import enrolment_create
from lms.families.selectors import child_overview
from tests.factories import course_with_lessons, rewind_clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def studying(client, family):
    course, lessons = course_with_lessons(2, title="Kỹ năng số cơ bản")
    enrolment_create(user=family["child"], course=course)
    rewind_clock(family["child"], course, 600)  # the child's last activity: 10 minutes ago
    client.force_login(family["child"])
    return course, lessons


def _report(client, lesson, body: dict):
    response = client.post(reverse("courses:progress_report", args=[lesson.pk]),
                           json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_the_same_report_twice_credits_the_real_time(client, family, studying):
    _course, lessons = studying
    first = _report(client, lessons[0], {"percent": 10, "seconds": 600})
    second = _report(client, lessons[0], {"percent": 10, "seconds": 600})
    assert first["time_spent_seconds"] == 600
    assert second["time_spent_seconds"] <= 601  # not 1,200


def test_five_instant_half_hours_do_not_reach_the_parents_week(client, family, studying):
    _course, lessons = studying
    for lesson in (lessons[0], lessons[0], lessons[1], lessons[1], lessons[0]):
        _report(client, lesson, {"seconds": 1800})
    total = sum(LessonProgress.objects.filter(user=family["child"])
                .values_list("time_spent_seconds", flat=True))
    assert total <= 605  # the ten minutes that passed, not 2.5 hours
    assert child_overview(family["child"])["week_minutes"] <= 10
    client.force_login(family["parent"])
    page = client.get(reverse("families:child", args=[family["child"].pk])).content.decode()
    assert "150 phút học" not in page and "10 phút học" in page
