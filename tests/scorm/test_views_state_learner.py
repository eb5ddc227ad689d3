"""The runtime state names whose it is (a marker, not the username): the player keeps unsent
commits per learner and restores them only for the same one — on a shared phone another pupil
at the same attempt number must not send them as theirs (issue 22)."""

import pytest
from django.urls import reverse

from .factories import enrolled_learner, scorm_lesson

pytestmark = pytest.mark.django_db


def test_state_carries_a_per_learner_marker(client):
    course, lesson, package = scorm_lesson()
    first, second = enrolled_learner(course), enrolled_learner(course)
    url = reverse("scorm_runtime:state", args=[lesson.pk, package.pk])
    markers = []
    for user in (first, second, first):
        client.force_login(user)
        body = client.get(url).json()
        assert body["attempt"] == 1
        markers.append(body["learner"])
    assert markers[0] == markers[2] != markers[1]
    assert first.username not in markers[0] and len(markers[0]) == 16
