"""Statement attachments: multipart/mixed in (sha2 checked both ways), stored once by hash,
multipart/mixed out with attachments=true; fileUrl-only attachments go as plain JSON."""

import hashlib
import json

import pytest

from lms.xapi.attachments import multipart_parse
from lms.xapi.models import Attachment, Statement

from .helpers import basic_client, post, with_id

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) + b"\r\n--b\r\n"  # binary, holds a fake delimiter
SHA = hashlib.sha256(PNG).hexdigest()
BOUNDARY = "ranh-gioi-hocmo"


def attachment(sha2=SHA, **extra) -> dict:
    return {"usageType": "https://hocmo.vn/xapi/attachments/bai-lam",
            "display": {"vi": "Bài làm"}, "contentType": "image/png", "length": len(PNG),
            "sha2": sha2, **extra}


def multipart(statements, files, *, hashes=None) -> bytes:
    out = [f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n".encode(),
           json.dumps(statements).encode()]
    for i, data in enumerate(files):
        sha2 = (hashes or [])[i] if hashes else hashlib.sha256(data).hexdigest()
        out.append(f"\r\n--{BOUNDARY}\r\nContent-Type: image/png\r\n"
                   f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}\r\n\r\n"
                   .encode())
        out.append(data)
    out.append(f"\r\n--{BOUNDARY}--\r\n".encode())
    return b"".join(out)


@pytest.fixture
def auth():
    _tool, headers = basic_client()
    return headers


def send(client, body: bytes, auth, url="/xapi/statements", method="post"):
    return getattr(client, method)(url, data=body,
                                   content_type=f"multipart/mixed; boundary={BOUNDARY}", **auth)


def test_store_and_serve_an_attachment(client, auth):
    first, second = with_id(attachments=[attachment()]), with_id(attachments=[attachment()])
    response = send(client, multipart([first, second], [PNG]), auth)
    assert response.status_code == 200, response.content
    assert Attachment.objects.get().length == len(PNG)  # stored once, by hash
    again = send(client, multipart(with_id(attachments=[attachment()]), [PNG]), auth)
    assert again.status_code == 200 and Attachment.objects.count() == 1

    got = client.get("/xapi/statements", {"statementId": first["id"], "attachments": "true"},
                     **auth)
    assert got.status_code == 200 and got["Content-Type"].startswith("multipart/mixed")
    parts = multipart_parse(got.content, got["Content-Type"])
    assert json.loads(parts[0][1])["id"] == first["id"]
    assert parts[1][0]["x-experience-api-hash"] == SHA and parts[1][1] == PNG
    assert got["Last-Modified"]

    listed = client.get("/xapi/statements", {"attachments": "true"}, **auth)
    parts = multipart_parse(listed.content, listed["Content-Type"])
    assert len(json.loads(parts[0][1])["statements"]) == 3
    assert [p[1] for p in parts[1:]] == [PNG]  # each file once, however many statements
    plain = client.get("/xapi/statements", {"statementId": first["id"]}, **auth)
    assert plain["Content-Type"] == "application/json"


def test_put_with_attachment(client, auth):
    body = with_id(attachments=[attachment()])
    url = f"/xapi/statements?statementId={body['id']}"
    assert send(client, multipart(body, [PNG]), auth, url=url, method="put").status_code == 204
    assert Attachment.objects.filter(sha2=SHA).exists()


def test_file_url_attachment_needs_no_part(client, auth):
    body = with_id(attachments=[attachment(fileUrl="https://hocmo.vn/tep/bai-lam.png")])
    assert post(client, body, **auth).status_code == 200
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("case", ["json_without_part", "missing_part", "extra_part",
                                  "wrong_hash", "no_binary_encoding", "bad_object",
                                  "first_part_not_json", "no_boundary"])
def test_refusals_store_nothing(client, auth, case):
    body = with_id(attachments=[attachment()])
    if case == "json_without_part":
        response = post(client, body, **auth)
        field = "statement.attachments[0].sha2"
    elif case == "missing_part":
        response = send(client, multipart(body, []), auth)
        field = "statement.attachments[0].sha2"
    elif case == "extra_part":
        response = send(client, multipart(body, [PNG, b"khac"]), auth)
        field = "attachments"
    elif case == "wrong_hash":
        response = send(client, multipart(body, [PNG + b"x"], hashes=[SHA]), auth)
        field = "parts[1]"
    elif case == "no_binary_encoding":
        raw = multipart(body, [PNG]).replace(b"Content-Transfer-Encoding: binary\r\n", b"")
        response = send(client, raw, auth)
        field = "parts[1]"
    elif case == "bad_object":
        body["attachments"][0]["length"] = "nhiều"
        response = send(client, multipart(body, [PNG]), auth)
        field = "statement.attachments[0].length"
    elif case == "first_part_not_json":
        raw = multipart(body, [PNG]).replace(b"application/json", b"text/plain", 1)
        response = send(client, raw, auth)
        field = "body"
    else:
        response = client.post("/xapi/statements", data=multipart(body, [PNG]),
                               content_type="multipart/mixed", **auth)
        field = "Content-Type"
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"], response.json()
    assert not Statement.objects.exists() and not Attachment.objects.exists()


def test_attachments_param_must_be_a_boolean(client, auth):
    response = client.get("/xapi/statements", {"attachments": "co"}, **auth)
    assert response.status_code == 400 and "attachments" in response.json()["fields"]
