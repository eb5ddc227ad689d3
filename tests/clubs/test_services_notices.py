"""A club join request's decision reaches the learner once per decision."""

import pytest
from django.test import TestCase

from lms.clubs import services
from lms.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_learner_hears_the_decision_once(world):
    club, learner = world["club"], world["learner_b"]
    row = services.membership_request(learner=learner, club=club)
    for accept in (True, False):  # the second press changes nothing, says nothing
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.membership_decide(actor=world["teacher_b"], membership=row, accept=accept)
    told = Notification.objects.get(user=learner, event="club_membership")
    assert told.title == f"Bạn đã được nhận vào {club.name}"
    assert told.url == f"/cau-lac-bo/{club.slug}/"


def test_a_refusal_is_told_and_others_cannot_decide(world):
    club, learner = world["club"], world["learner_b"]
    row = services.membership_request(learner=learner, club=club)
    with pytest.raises(PermissionError):
        services.membership_decide(actor=world["teacher_a"], membership=row, accept=True)
    assert not Notification.objects.filter(event="club_membership").exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.membership_decide(actor=world["teacher_b"], membership=row, accept=False)
    told = Notification.objects.get(user=learner, event="club_membership")
    assert told.title == f"Yêu cầu tham gia {club.name} chưa được chấp nhận"
