"""Signed statements: a JWS signature attachment is decoded, its algorithm and payload checked,
and verified with its x5c certificate; anything malformed is a 400 and nothing is stored."""

import base64
import datetime
import hashlib
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwcrypto import jwk, jws

from lms.xapi.models import Attachment, Statement
from lms.xapi.signatures import SIGNATURE_USAGE

from .helpers import with_id
from .test_views_attachments import auth, multipart, send  # noqa: F401 - a fixture, helpers

pytestmark = pytest.mark.django_db


def _key_and_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Công cụ ký HọcMở")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
                   .sign(key, hashes.SHA256()))
    return key, certificate


KEY, CERTIFICATE = _key_and_certificate()
OTHER_KEY, OTHER_CERTIFICATE = _key_and_certificate()


def _x5c(certificate) -> list[str]:
    return [base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()]


def sign(payload: dict, *, key=KEY, certificate=CERTIFICATE, alg="RS256") -> bytes:
    header = {"alg": alg}
    if certificate is not None:
        header["x5c"] = _x5c(certificate)
    if alg.startswith("HS"):
        signing_key = jwk.JWK.generate(kty="oct", size=256)
    else:
        signing_key = jwk.JWK.from_pem(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    token = jws.JWS(json.dumps(payload).encode())
    token.add_signature(signing_key, alg=alg, protected=json.dumps(header))
    return token.serialize(compact=True).encode()


def signed(statement: dict, token: bytes, **attachment) -> dict:
    item = {"usageType": SIGNATURE_USAGE, "display": {"vi": "Chữ ký"},
            "contentType": "application/octet-stream", "length": len(token),
            "sha2": hashlib.sha256(token).hexdigest(), **attachment}
    return {**statement, "attachments": [*statement.get("attachments", []), item]}


def test_a_well_signed_statement_is_stored_with_its_signature(client, auth):  # noqa: F811
    original = with_id()
    token = sign(original)
    response = send(client, multipart([signed(original, token)], [token]), auth)
    assert response.status_code == 200, response.content
    assert Statement.objects.filter(pk=original["id"]).exists()
    assert Attachment.objects.get().content == token
    # Signed without an id (the LRS gives it one): the id is not part of the comparison.
    bare = {k: v for k, v in with_id().items() if k != "id"}
    token = sign(bare, certificate=None)
    assert send(client, multipart([signed(bare, token)], [token]), auth).status_code == 200


@pytest.mark.parametrize(("case", "message"), [
    ("changed after signing", "nội dung đã ký khác với câu lệnh nhận được"),
    ("another key's certificate", "chữ ký không khớp với chứng thư x5c"),
    ("HS256", "RS256, RS384 hoặc RS512"),
    ("not a JWS", "chữ ký không phải JWS hợp lệ"),
    ("wrong content type", "application/octet-stream"),
    ("two signatures", "chỉ được có một chữ ký"),
    ("no part", "chữ ký phải được gửi kèm"),
])
def test_malformed_signatures_are_refused_and_nothing_is_stored(client, auth, case, message):  # noqa: F811
    original = with_id()
    token = sign(original)
    body, files = signed(original, token), [token]
    if case == "changed after signing":
        body["verb"] = {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"vi": "đạt"}}
    elif case == "another key's certificate":
        token = sign(original, certificate=OTHER_CERTIFICATE)
        body, files = signed(original, token), [token]
    elif case == "HS256":
        token = sign(original, certificate=None, alg="HS256")
        body, files = signed(original, token), [token]
    elif case == "not a JWS":
        token = b"day-khong-phai-chu-ky"
        body, files = signed(original, token), [token]
    elif case == "wrong content type":
        body = signed(original, token, contentType="application/jose")
    elif case == "two signatures":
        second = sign(with_id())
        body, files = signed(body, second), [token, second]
    elif case == "no part":
        body = signed(original, token, fileUrl="https://cong-cu.example.vn/chu-ky.jws")
        files = []
    response = send(client, multipart([body], files), auth)
    assert response.status_code == 400, response.content
    assert message in response.content.decode()
    assert "statements[0].attachments" in response.content.decode()  # names where
    assert not Statement.objects.exists() and not Attachment.objects.exists()
