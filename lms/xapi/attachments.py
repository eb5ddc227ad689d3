"""Statement attachments (xAPI Data 2.4.11, Communication 1.5.2; the same in 2.0).

A statement whose attachment has no `fileUrl` must come in a multipart/mixed request: first
part the statement(s) as JSON, then one part per file with `X-Experience-API-Hash` and
`Content-Transfer-Encoding: binary`. Every declared `sha2` needs its part, every part must be
declared, and each part's bytes must really hash to it. Files are stored content-addressed
(`Attachment`, keyed by sha2) in the statements' transaction, and served back as
multipart/mixed when a GET asks for `attachments=true`. Signatures: signatures.py."""

import hashlib
import json
import uuid

from django.http import HttpResponse
from django.utils.translation import gettext as _

from lms.jsonio import JSONInputError, json_read

from .models import Attachment
from .validation import Invalid

HASHES = {64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


def _boundary(content_type: str) -> bytes:
    for param in content_type.split(";")[1:]:
        key, _sep, value = param.strip().partition("=")
        if key.lower() == "boundary" and value.strip('"'):
            return value.strip('"').encode()
    raise Invalid("Content-Type", _("multipart/mixed thiếu tham số boundary."))


def multipart_parse(body: bytes, content_type: str) -> list[tuple[dict, bytes]]:
    """[(lower-cased headers, bytes)] of each part. A delimiter counts only after CRLF (RFC
    2046), so the bytes of a file never split a part."""
    delimiter = b"\r\n--" + _boundary(content_type)
    chunks = (b"\r\n" + body).split(delimiter)
    parts: list[tuple[dict, bytes]] = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):  # the closing delimiter
            return parts
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise Invalid("body", _("một phần multipart thiếu dòng trống sau tiêu đề."))
        headers = {}
        for line in head.decode("latin-1").split("\r\n"):
            if ":" in line:
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip()
        parts.append((headers, data))
    raise Invalid("body", _("multipart/mixed không có dòng kết thúc."))


def statements_body(request) -> tuple[object, dict]:
    """(the JSON statement body, {sha2: (content type, bytes)}) of a POST/PUT."""
    content_type = request.content_type or ""
    if not content_type.startswith("multipart/"):
        return _json(request.body), {}
    if content_type != "multipart/mixed":
        raise Invalid("Content-Type", _("tệp đính kèm phải gửi bằng multipart/mixed."))
    parts = multipart_parse(request.body, request.META.get("CONTENT_TYPE", ""))
    if not parts or not parts[0][0].get("content-type", "").startswith("application/json"):
        raise Invalid("body", _("phần đầu của multipart phải là câu lệnh JSON."))
    files = {}
    for i, (headers, data) in enumerate(parts[1:], start=1):
        declared = headers.get("x-experience-api-hash", "").lower()
        if headers.get("content-transfer-encoding", "").lower() != "binary":
            raise Invalid(f"parts[{i}]", _("cần Content-Transfer-Encoding: binary."))
        algorithm = HASHES.get(len(declared))
        if algorithm is None or algorithm(data).hexdigest() != declared:
            raise Invalid(f"parts[{i}]", _("X-Experience-API-Hash không khớp với nội dung."))
        files[declared] = (headers.get("content-type", "application/octet-stream"), data)
    return _json(parts[0][1]), files


def _json(raw: bytes):
    try:
        return json_read(raw)
    except JSONInputError as exc:
        raise Invalid(exc.path, exc.message) from None


def _declared(stmt: dict, path: str):
    """(path, attachment object) of a statement and of its SubStatement."""
    for j, item in enumerate(stmt.get("attachments") or []):
        yield f"{path}.attachments[{j}]", item
    obj = stmt.get("object") or {}
    if obj.get("objectType") == "SubStatement":
        yield from _declared(obj, f"{path}.object")


def attachments_match(statements: list[tuple[str, dict]], files: dict) -> None:
    """Each attachment without fileUrl has its part; each part belongs to an attachment."""
    declared = set()
    for path, stmt in statements:
        for where, item in _declared(stmt, path):
            sha2 = item["sha2"].lower()
            declared.add(sha2)
            if "fileUrl" not in item and sha2 not in files:
                raise Invalid(f"{where}.sha2", _("không có phần dữ liệu nào mang mã băm này "
                                                 "(gửi tệp bằng multipart/mixed hoặc dùng "
                                                 "fileUrl)."))
    extra = sorted(set(files) - declared)
    if extra:
        raise Invalid("attachments", _("có phần dữ liệu %(sha2)s không thuộc câu lệnh nào.")
                      % {"sha2": extra[0][:16]})


def multipart_response(document, payloads: list[dict]) -> HttpResponse:
    """The GET answer with attachments=true: the JSON, then each stored file it names."""
    wanted = list(dict.fromkeys(item["sha2"].lower() for payload in payloads
                                for _where, item in _declared(payload, "")))
    files = {a.sha2: a for a in Attachment.objects.filter(sha2__in=wanted)}
    boundary = uuid.uuid4().hex
    out = [f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
           json.dumps(document, ensure_ascii=False).encode()]
    for sha2 in wanted:
        if sha2 in files:
            out.append(f"\r\n--{boundary}\r\nContent-Type: {files[sha2].content_type}\r\n"
                       f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}"
                       "\r\n\r\n".encode())
            out.append(bytes(files[sha2].content))
    out.append(f"\r\n--{boundary}--\r\n".encode())
    return HttpResponse(b"".join(out), content_type=f"multipart/mixed; boundary={boundary}")
