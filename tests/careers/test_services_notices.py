"""Careers notices: the employer hears of a new application once; the learner hears each new
status once, with the status in their own language."""

import pytest
from django.test import TestCase

from lms.careers.services import application_status_set, application_submit
from lms.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_employer_hears_of_an_application_and_the_learner_of_each_status(world):
    with TestCase.captureOnCommitCallbacks(execute=True):
        application, _created = application_submit(
            learner=world["learner"], posting=world["posting_a"], contact="0912")
    with TestCase.captureOnCommitCallbacks(execute=True):
        application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912")
    received = Notification.objects.get(event="application_received")
    assert received.user == world["employer_a_user"]
    assert received.title == "Hồ sơ ứng tuyển mới cho tin “Thợ điện học việc”: Lê Văn A"
    assert received.url == f"/huong-nghiep/doanh-nghiep/tin/{world['posting_a'].pk}/ung-vien/"
    assert not Notification.objects.filter(user=world["employer_b_user"]).exists()

    world["learner"].preferred_language = "en"
    world["learner"].save(update_fields=["preferred_language"])
    for status in ("interview", "interview", "accepted"):
        with TestCase.captureOnCommitCallbacks(execute=True):
            application_status_set(actor=world["employer_a_user"], application=application,
                                   status=status)
    titles = list(Notification.objects.filter(user=world["learner"], event="application_status")
                  .order_by("pk").values_list("title", flat=True))
    assert len(titles) == 2  # the repeated "interview" said nothing new
    assert titles == ["Application “Thợ điện học việc”: Invited to interview",
                      "Application “Thợ điện học việc”: Accepted"]


def test_another_employer_cannot_change_a_status_and_nobody_is_told(world):
    with TestCase.captureOnCommitCallbacks(execute=True):
        application, _created = application_submit(
            learner=world["learner"], posting=world["posting_a"], contact="0912")
    with pytest.raises(PermissionError):
        application_status_set(actor=world["employer_b_user"], application=application,
                               status="declined")
    assert not Notification.objects.filter(event="application_status").exists()
