"""Open Badges on the web (issue 24): the credential downloaded from the learner's certificate
page verifies on /verify/ (pasted or uploaded); revoking shows "đã bị thu hồi"; hostile input
never gets a 500; the issuer profile, keys and status list are published with cache headers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.certificates import openbadges, services
from courses.certificates.services import certificate_issue
from courses.services import enrolment_create, progress_record
from lms.units.models import RoleKind
from tests.factories import UserFactory, course_with_lessons, learner_in, staff_at

pytestmark = pytest.mark.django_db

VERIFY = reverse("certificates:verify_home")


@pytest.fixture
def certificate(school_tree):
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"], full_name="Lê Hoàng Yến")
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    cert, _ = certificate_issue(user=learner, course=course, render=False)
    return cert


def _download(client, certificate) -> str:
    client.force_login(certificate.user)
    page = client.get(reverse("certificates:detail", args=[certificate.code])).content.decode()
    url = reverse("certificates:badge_download", args=[certificate.code])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    client.logout()
    return response.content.decode()


def test_downloaded_credential_verifies_pasted_and_uploaded(client, certificate):
    token = _download(client, certificate)
    pasted = client.post(VERIFY, {"credential": token})
    body = pasted.content.decode()
    assert pasted.status_code == 200 and "Chứng nhận hợp lệ" in body and "Lê Hoàng Yến" in body
    upload = SimpleUploadedFile("chung-chi.jwt", token.encode(), "application/vc+jwt")
    assert "Chứng nhận hợp lệ" in client.post(VERIFY, {"file": upload}).content.decode()
    envelope = client.get(reverse("certificates:open_badge", args=[certificate.code])).content
    assert b"EnvelopedVerifiableCredential" in envelope
    assert "Chứng nhận hợp lệ" in client.post(VERIFY, {"credential": envelope.decode()}) \
        .content.decode()


def test_revoking_shows_revoked_on_verify(client, certificate, school_tree):
    token = _download(client, certificate)
    head = staff_at(school_tree["school_b"], kind=RoleKind.SCHOOL_ADMIN)
    client.force_login(head)
    assert client.post(reverse("certificates:revoke", args=[certificate.code]),
                       {"reason": "Sai thông tin"}).status_code == 302
    client.logout()
    body = client.post(VERIFY, {"credential": token}).content.decode()
    assert "Chứng nhận đã bị thu hồi" in body and "Sai thông tin" not in body
    client.force_login(certificate.user)
    assert client.get(reverse("certificates:badge_download",
                              args=[certificate.code])).status_code == 410


def test_tampered_credential_says_why_in_both_languages(client, certificate):
    from django.utils import translation

    from courses.certificates import verification

    token = services.credential_sign(certificate)
    head, body, signature = token.split(".")
    other = "A" if signature[10] != "A" else "B"
    forged = f"{head}.{body}.{signature[:10]}{other}{signature[11:]}"
    page = client.post(VERIFY, {"credential": forged}).content.decode()
    assert "Chứng nhận không hợp lệ" in page and "Chữ ký không khớp" in page
    with translation.override("en"):  # needs the compiled catalogue (make messages)
        assert verification.check(forged).reason.startswith("The signature does not match")


@pytest.mark.parametrize("data", [
    {}, {"credential": "   "}, {"credential": "không phải"}, {"credential": "{" * 5000},
    {"credential": "x" * 70000}, {"credential": "a.b.c"},
    {"file": SimpleUploadedFile("x.jwt", b"\xff\xfe\x00garbage")},
    {"file": SimpleUploadedFile("big.jwt", b"a" * 70000)},
])
def test_hostile_input_never_errors(client, data):
    response = client.post(VERIFY, data)
    assert response.status_code in (200, 400)
    assert "Chứng nhận hợp lệ" not in response.content.decode()


def test_lookup_and_strangers(client, certificate):
    assert client.get(VERIFY).status_code == 200
    redirect = client.get(VERIFY, {"code": certificate.code.lower()})
    assert redirect.status_code == 302 and redirect.url.endswith(f"/verify/{certificate.code}/")
    assert client.get(VERIFY, {"code": "<script>"}).status_code == 200
    client.force_login(UserFactory())
    url = reverse("certificates:badge_download", args=[certificate.code])
    assert client.get(url).status_code == 404


def test_issuer_keys_and_status_list_are_published(client, certificate):
    issuer = openbadges.issuer_of(certificate)
    profile = client.get(reverse("certificates:issuer", args=[issuer]))
    assert profile.status_code == 200 and profile.json()["type"] == ["Profile"]
    assert profile.json()["name"] == certificate.issuing_unit.name
    keys = client.get(reverse("certificates:issuer_keys", args=[issuer]))
    assert keys.json()["keys"][0]["crv"] == "Ed25519" and "d" not in keys.json()["keys"][0]
    assert keys["Cache-Control"] == "public, max-age=300"
    number, _ = openbadges.status_position(certificate)
    listed = client.get(reverse("certificates:status_list", args=[issuer, number]))
    assert listed.status_code == 200 and listed["Content-Type"] == "application/vc+jwt"
    assert listed["Cache-Control"].startswith("public, max-age=")
    for bad in ("khong-co", "999999", "1" * 40):
        assert client.get(reverse("certificates:issuer", args=[bad])).status_code == 404
        assert client.get(reverse("certificates:issuer_keys", args=[bad])).status_code == 404
    assert client.get(reverse("certificates:status_list", args=[issuer, 10 ** 30])) \
        .status_code == 404
