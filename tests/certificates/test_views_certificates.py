"""Public verification shows only name, course and date; learners, parents and class teachers
see certificates; strangers get 404; revocation is a POST by staff of the issuing unit."""

import pytest
from django.urls import reverse

from courses.certificates.services import certificate_issue
from courses.services import enrolment_create, progress_record
from lms.accounts.models import GuardianLink
from lms.units.models import RoleKind
from tests.factories import UserFactory, course_with_lessons, learner_in, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(school_tree):
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"], full_name="Lê Hoàng Yến")
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    cert, created = certificate_issue(user=learner, course=course)
    assert created
    return cert


def test_verify_is_public_and_minimal(client, certificate):
    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    body = page.content.decode()
    assert page.status_code == 200 and "Chứng chỉ hợp lệ" in body
    assert "Lê Hoàng Yến" in body and certificate.course_title in body
    assert certificate.issuing_unit_name not in body and certificate.user.email not in body
    assert page["Cache-Control"] == "no-store"
    missing = client.get(reverse("certificates:verify", args=["HMKHONGCO123"]))
    assert missing.status_code == 404


def test_who_may_see_and_download(client, certificate, school_tree):
    learner = certificate.user
    detail = reverse("certificates:detail", args=[certificate.code])
    download = reverse("certificates:download", args=[certificate.code])
    parent = UserFactory()
    GuardianLink.objects.create(guardian=parent, learner=learner)
    teacher = staff_at(school_tree["class_b"], kind=RoleKind.TEACHER)
    for viewer in (learner, parent, teacher):
        client.force_login(viewer)
        assert client.get(detail).status_code == 200
        response = client.get(download)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert client.get(reverse("certificates:learner", args=[learner.pk])).status_code == 200
    stranger = staff_at(school_tree["school_a"], kind=RoleKind.TEACHER)
    client.force_login(stranger)
    assert client.get(detail).status_code == 404
    assert client.get(download).status_code == 404
    assert client.get(reverse("certificates:learner", args=[learner.pk])).status_code == 404
    client.force_login(learner)
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.code in mine


def test_revoke_by_post_and_verify_shows_it(client, certificate, school_tree):
    url = reverse("certificates:revoke", args=[certificate.code])
    teacher = staff_at(school_tree["class_b"], kind=RoleKind.TEACHER)
    client.force_login(teacher)
    assert client.post(url, {"reason": "Sai thông tin"}).status_code == 404
    head = staff_at(school_tree["school_b"], kind=RoleKind.SCHOOL_ADMIN)
    client.force_login(head)
    assert client.get(url).status_code == 405
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Sai thông tin"}).status_code == 302
    client.logout()
    body = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "đã bị thu hồi" in body and "Sai thông tin" not in body
    client.force_login(certificate.user)
    assert client.get(reverse("certificates:download", args=[certificate.code])).status_code == 410


def test_open_badge_json_is_public_signed_and_minimal(client, certificate):
    from courses.certificates import signing, verification

    data = client.get(reverse("certificates:open_badge", args=[certificate.code])).json()
    assert data["type"] == "EnvelopedVerifiableCredential"
    token = data["id"].removeprefix(verification.ENVELOPE_PREFIX)
    _header, payload = signing.read_unverified(token)
    assert "OpenBadgeCredential" in payload["type"]
    assert payload["credentialSubject"]["identifier"][0]["identityHash"] == "Lê Hoàng Yến"
    assert payload["id"].endswith(f"/verify/{certificate.code}/")
    assert verification.check(token).status == verification.VALID
    assert certificate.user.email not in str(payload)


def test_detail_page_shows_a_preview_of_the_certificate(client, certificate):
    """Issue 19 item 12: an HTML rendering of the certificate, no PDF drawn in the request."""
    from unittest import mock

    client.force_login(certificate.user)
    with mock.patch("courses.certificates.services.certificate_render") as render:
        body = client.get(reverse("certificates:detail", args=[certificate.code])).content.decode()
    render.assert_not_called()
    assert '<div class="cert" role="img" aria-labelledby="cert-cap">' in body
    assert "Xem trước chứng chỉ của Lê Hoàng Yến" in body
    preview = body.split('class="cert"')[1].split("</figure>")[0]
    assert "CHỨNG CHỈ" in preview and "Lê Hoàng Yến" in preview
    assert certificate.course_title in preview and certificate.code in preview
