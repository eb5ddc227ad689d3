"""A confirmed recognition tells the certificate holder once, linking to the verification page;
a rejection tells nobody."""

import pytest
from django.test import TestCase

from lms.notifications.models import Notification
from lms.recognition import services

from .test_services_review import proposed  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_confirmed_citizen_and_household_head_are_told_once(tree, proposed):  # noqa: F811
    for _ in range(2):
        with TestCase.captureOnCommitCallbacks(execute=True):
            citizen = services.candidate_confirm(actor=tree["officer_a"],
                                                 candidate=proposed["x"], render=False)
    told = Notification.objects.get(event="recognition_confirmed", user=citizen.user)
    assert told.title == "Trần Văn Xuân được công nhận danh hiệu “Công dân học tập” năm 2025"
    assert told.url == citizen.certificate.verify_path
    with TestCase.captureOnCommitCallbacks(execute=True):
        family = services.candidate_confirm(actor=tree["officer_a"],
                                            candidate=proposed["family"], render=False)
    head = family.household.head
    assert Notification.objects.filter(event="recognition_confirmed", user=head).count() == 2


def test_rejection_tells_nobody(tree, proposed):  # noqa: F811
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.candidate_reject(actor=tree["officer_a"], candidate=proposed["y"],
                                  reason="Chưa đủ giờ học")
    assert not Notification.objects.filter(event="recognition_confirmed").exists()
