"""A returned report is told to the unit that submitted it, with the reviewer's comment (issue
17 item 9: report_returned_notify existed but submission_return notified no one)."""

import pytest
from django.urls import reverse

from lms.notifications.models import Delivery, Notification
from lms.notifications.services import delivery_send
from lms.reports.models import ReportSubmission
from lms.units.models import RoleKind
from tests.factories import staff_at

pytestmark = pytest.mark.django_db

COMMENT = "Bổ sung số liệu lớp 12A2"


@pytest.fixture
def returned(client, tree, target, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    people = {"submitter": staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong"),
              "colleague": staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong-2"),
              "reviewer": staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-so"),
              "teacher": staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")}
    client.force_login(people["submitter"])
    client.post(reverse("reports:submit", args=[tree["phong"].pk]), {"period": "2025-2026"})
    submission = ReportSubmission.objects.get(unit=tree["phong"])
    client.force_login(people["reviewer"])
    review = reverse("reports:submission_review", args=[submission.pk, "return"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"comment": COMMENT})
    return people, submission, review


def test_the_unit_hears_its_report_was_returned_with_the_reason(returned, mailoutbox):
    people, submission, _review = returned
    rows = Notification.objects.filter(event="report_returned")
    assert set(rows.values_list("user__username", flat=True)) == {"canbo-phong", "canbo-phong-2"}
    notice = rows.get(user=people["submitter"])
    assert COMMENT in notice.body and "Phòng GD&ĐT A1" in notice.title
    assert notice.url.startswith(reverse("reports:submissions", args=[submission.unit_id]))
    emails = Delivery.objects.filter(notification__in=rows, channel="email")
    assert emails.count() == 2
    # What the queued send tasks do, run here (a no-op for those an eager Celery already sent):
    # in CI's second pass a real worker cannot see this test's uncommitted rows.
    for pk in emails.filter(state="pending").values_list("pk", flat=True):
        delivery_send(pk)
    sent = {message.to[0]: message for message in mailoutbox}
    assert COMMENT in sent[people["submitter"].email].body


def test_a_second_return_after_resubmission_is_told_again(returned, client, tree,
                                                          django_capture_on_commit_callbacks):
    people, submission, review = returned
    client.force_login(people["submitter"])
    client.post(reverse("reports:submit", args=[tree["phong"].pk]), {"period": "2025-2026"})
    client.force_login(people["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"comment": "Vẫn thiếu lớp 12A2"})
    notices = Notification.objects.filter(event="report_returned", user=people["submitter"])
    assert notices.count() == 2


def test_approving_notifies_no_one(client, tree, target, django_capture_on_commit_callbacks):
    submitter = staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong")
    reviewer = staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-so")
    client.force_login(submitter)
    client.post(reverse("reports:submit", args=[tree["phong"].pk]), {"period": "2025-2026"})
    submission = ReportSubmission.objects.get(unit=tree["phong"])
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:submission_review", args=[submission.pk, "approve"]))
    assert not Notification.objects.filter(event="report_returned").exists()
