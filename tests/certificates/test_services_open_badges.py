"""Signed Open Badges 3.0 credentials (issue 24): a credential verifies; changing any field
(every leaf path, nested ones included, and every header field) breaks it; wrong key, unknown
issuer, expired and not-yet-valid credentials are refused; a rotated key keeps verifying what it
signed, a withdrawn one does not; the status list carries the revocation bit."""

import base64
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from jwcrypto import jwk

from courses.certificates import openbadges, services, signing, verification
from courses.certificates.services import award_issue, certificate_issue
from courses.services import enrolment_create, progress_record
from lms.units.models import RoleKind
from tests.factories import course_with_lessons, learner_in, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(school_tree):
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"], full_name="Lê Hoàng Yến")
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    cert, created = certificate_issue(user=learner, course=course, render=False)
    assert created
    return cert


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _leaf_paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaf_paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaf_paths(value, prefix + (index,))
    else:
        yield prefix


def _changed(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return f"{value}x"


def _tampered(document: dict, path) -> dict:
    copy = json.loads(json.dumps(document))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = _changed(node[path[-1]])
    return copy


def _sign_with_current(payload: dict, issuer: str) -> str:
    key = services.issuer_key_signing()
    return signing.sign(payload, key=signing.private_key(key.private_pem),
                        kid=f"{openbadges.keys_url(issuer)}#{key.kid}")


def test_issued_credential_is_an_open_badge_and_verifies(certificate):
    token = services.credential_sign(certificate)
    header, payload = signing.read_unverified(token)
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    assert payload["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "OpenBadgeCredential" in payload["type"]
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"][0]["identityHash"] == "Lê Hoàng Yến"
    assert set(subject["achievement"]) >= {"name", "description", "criteria", "image"}
    assert payload["issuer"]["id"].endswith(f"/verify/issuer/{certificate.issuing_unit_id}/")
    assert payload["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert certificate.user.email not in token
    outcome = verification.check(token)
    assert outcome.status == verification.VALID, outcome.reason
    assert outcome.facts["learner"] == "Lê Hoàng Yến"


def test_changing_any_field_breaks_the_signature(certificate):
    token = services.credential_sign(certificate)
    head, body, signature = token.split(".")
    payload, header = _unb64(body), _unb64(head)
    paths = list(_leaf_paths(payload))
    assert len(paths) > 20 and ("credentialSubject", "achievement", "criteria", "narrative") \
        in paths
    for path in paths:
        forged = f"{head}.{_b64(json.dumps(_tampered(payload, path)).encode())}.{signature}"
        assert verification.check(forged).status == verification.INVALID, path
    for path in _leaf_paths(header):
        forged = f"{_b64(json.dumps(_tampered(header, path)).encode())}.{body}.{signature}"
        assert verification.check(forged).status == verification.INVALID, path
    for name in payload:  # a removed field, too
        smaller = {k: v for k, v in payload.items() if k != name}
        forged = f"{head}.{_b64(json.dumps(smaller).encode())}.{signature}"
        assert verification.check(forged).status == verification.INVALID, name
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    assert verification.check(f"{head}.{body}.{flipped}").status == verification.INVALID


def test_wrong_key_and_unknown_issuer_are_refused(certificate):
    payload = openbadges.credential(certificate)
    issuer = openbadges.issuer_of(certificate)
    stranger = jwk.JWK.generate(kty="OKP", crv="Ed25519")
    kid = f"{openbadges.keys_url(issuer)}#{services.issuer_key_signing().kid}"
    wrong = verification.check(signing.sign(payload, key=stranger, kid=kid))
    assert wrong.status == verification.INVALID and "Chữ ký không khớp" in wrong.reason
    own_kid = f"{openbadges.keys_url(issuer)}#{stranger.thumbprint()}"
    unpublished = verification.check(signing.sign(payload, key=stranger, kid=own_kid))
    assert unpublished.status == verification.INVALID and "không được công bố" in unpublished.reason
    foreign = dict(payload, issuer={"id": "https://gia-mao.example/verify/issuer/1/",
                                    "type": ["Profile"], "name": "Giả"})
    refused = verification.check(_sign_with_current(foreign, issuer))
    assert refused.status == verification.INVALID and "không xác định" in refused.reason
    missing_unit = dict(payload, issuer={"id": openbadges.issuer_id("999999")})
    assert "không xác định" in verification.check(_sign_with_current(missing_unit, "999999")).reason
    other_issuer = dict(payload, issuer={"id": openbadges.issuer_id("hocmo")})
    assert "Khóa ký không thuộc" in verification.check(_sign_with_current(other_issuer, issuer)).reason


def test_expired_and_not_yet_valid(certificate):
    payload = openbadges.credential(certificate)
    issuer = openbadges.issuer_of(certificate)
    now = timezone.now()
    expired = dict(payload, validUntil=(now - timedelta(days=1)).isoformat())
    assert verification.check(_sign_with_current(expired, issuer)).reason == "Đã hết hạn."
    early = dict(payload, validFrom=(now + timedelta(days=1)).isoformat())
    assert "Chưa đến ngày" in verification.check(_sign_with_current(early, issuer)).reason
    still = dict(payload, validUntil=(now + timedelta(days=1)).isoformat())
    assert verification.check(_sign_with_current(still, issuer)).status == verification.VALID
    naive = dict(payload, validFrom="2020-01-01T00:00:00")
    assert verification.check(_sign_with_current(naive, issuer)).status == verification.INVALID


def test_revocation_flips_the_status_list_bit(certificate, school_tree):
    token = services.credential_sign(certificate)
    number, index = openbadges.status_position(certificate)
    issuer = openbadges.issuer_of(certificate)

    def bit() -> bool:
        listed = services.status_list_sign(issuer, number, "x")
        _header, status = signing.read_unverified(listed)
        assert status["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        bits = openbadges.decode_bitstring(status["credentialSubject"]["encodedList"])
        assert len(bits) * 8 == openbadges.LIST_SIZE
        return openbadges.bit_is_set(bits, index)

    assert not bit()
    head = staff_at(school_tree["school_b"], kind=RoleKind.SCHOOL_ADMIN)
    services.certificate_revoke(actor=head, certificate=certificate, reason="Sai thông tin")
    assert bit()
    assert verification.check(token).status == verification.REVOKED


def test_rotation_keeps_old_credentials_and_withdrawal_ends_them(certificate):
    old = services.credential_sign(certificate)
    old_kid = services.issuer_key_signing().kid
    new_key = services.issuer_key_rotate()
    assert new_key.kid != old_kid
    new = services.credential_sign(certificate)
    assert signing.read_unverified(new)[0]["kid"].endswith(new_key.kid)
    assert verification.check(old).status == verification.VALID
    assert services.issuer_key_withdraw(old_kid)
    assert verification.check(old).status == verification.INVALID
    assert verification.check(new).status == verification.VALID


def test_a_changed_key_password_rotates_instead_of_failing(certificate, settings):
    old = services.credential_sign(certificate)
    settings.CERTIFICATE_KEY_PASSWORD = "mật-khẩu-mới"
    new = services.credential_sign(certificate)
    assert signing.read_unverified(old)[0]["kid"] != signing.read_unverified(new)[0]["kid"]
    assert verification.check(old).status == verification.check(new).status == verification.VALID


def test_award_credential_from_the_site_issuer_verifies(school_tree):
    learner = learner_in(school_tree["class_a"], full_name="Phạm Minh")
    award, _ = award_issue(user=learner, award_key="contest:9:prize", title="Giải Ba",
                           citation="đã đạt", issuing_unit=None, render=False)
    payload = openbadges.credential(award)
    assert payload["issuer"]["id"].endswith("/verify/issuer/hocmo/")
    assert payload["credentialSubject"]["achievement"]["achievementType"] == "Award"
    assert verification.check(services.credential_sign(award)).status == verification.VALID


@pytest.mark.parametrize("text", [
    "", "garbage", "a.b.c", "{", "[]", "null", '{"type": "OpenBadgeCredential"}',
    '{"proof": {}}', '{"type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt,x"}',
    "eyJhbGciOiJub25lIn0.eyJ9.", "eyJhbGciOiJub25lIn0.e30.e30", "x" * 70000, "\x00\ud800",
    _b64(b'{"alg":"EdDSA","kid":5}') + "." + _b64(b'{"issuer":[1]}') + ".AAAA",
    _b64(b'[1]') + "." + _b64(b'"s"') + ".AAAA", '{"a": ' + "[" * 40000,
    _b64(b'{"alg":"EdDSA"}') + "." + _b64(b"[" * 40000) + ".AAAA",
])
def test_garbage_is_invalid_not_an_error(text):
    assert verification.check(text).status == verification.INVALID


def test_bitstring_encoding_round_trip():
    encoded = openbadges.encode_bitstring([0, 7, 131071])
    assert encoded.startswith("u") and "=" not in encoded
    bits = openbadges.decode_bitstring(encoded)
    assert bits[0] == 0b10000001 and bits[-1] == 1
    assert [i for i in (0, 1, 7, 8, 131071) if openbadges.bit_is_set(bits, i)] == [0, 7, 131071]
