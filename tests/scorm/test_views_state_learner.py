"""The runtime state names the learner it is for (`learner.id`, from the session): the player
keeps unsent commits per learner under it and restores them only for the same one — on a
shared phone another pupil at the same attempt number must not send them as theirs, nor drop
them (courses/scorm/static/scorm/player.js `storeKeyFor`, issue 22)."""

import pytest
from django.urls import reverse

from .factories import enrolled_learner, scorm_lesson

pytestmark = pytest.mark.django_db


def test_state_names_its_learner(client):
    course, lesson, package = scorm_lesson()
    first, second = enrolled_learner(course), enrolled_learner(course)
    url = reverse("scorm_runtime:state", args=[lesson.pk, package.pk])
    ids = []
    for user in (first, second, first):
        client.force_login(user)
        body = client.get(url).json()
        assert body["attempt"] == 1  # the same attempt number for both
        ids.append(body["learner"]["id"])
    assert ids[0] == ids[2] != ids[1]
