"""Signed statements (xAPI 1.0.3 Data 2.6; the same in 2.0): the checks an LRS must make before
storing a statement that carries a signature attachment, else 400.

A signature is an attachment with usageType .../attachments/signature and contentType
application/octet-stream whose part holds a JWS (compact serialisation) with alg RS256, RS384 or
RS512 and, as payload, the statement as it was before the signature was added. We decode it,
check the algorithm, check that the payload is the received statement (less the signature
attachment; `id` and `version` only when the signer put them in; `stored` and `authority` are
the LRS's), and when the JWS header carries an X.509 certificate (`x5c`) verify the signature
with that certificate's key. Trusting the certificate itself is left to whoever reads the
statement (the spec does not ask the LRS to)."""

import base64

from cryptography import x509
from django.utils.translation import gettext as _
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from lms.jsonio import json_read

from .validation import Invalid

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
ALGORITHMS = ("RS256", "RS384", "RS512")
LRS_PROPERTIES = ("stored", "authority")
SIGNER_OPTIONAL = ("id", "version")


def signatures_check(statements: list[tuple[str, dict]], files: dict) -> None:
    """Raises Invalid naming the statement's signature attachment when one is malformed."""
    for path, stmt in statements:
        signatures = [(j, item) for j, item in enumerate(stmt.get("attachments") or [])
                      if isinstance(item, dict) and item.get("usageType") == SIGNATURE_USAGE]
        if len(signatures) > 1:
            raise Invalid(f"{path}.attachments", _("chỉ được có một chữ ký."))
        for j, item in signatures:
            _check_one(f"{path}.attachments[{j}]", stmt, item, files)


def _check_one(where: str, stmt: dict, item: dict, files: dict) -> None:
    if item.get("contentType") != "application/octet-stream":
        raise Invalid(f"{where}.contentType",
                      _("tệp chữ ký phải có contentType application/octet-stream."))
    part = files.get(str(item.get("sha2", "")).lower())
    if part is None:
        raise Invalid(f"{where}.sha2", _("chữ ký phải được gửi kèm trong yêu cầu (multipart)."))
    token = jws.JWS()
    try:
        token.deserialize(part[1].decode("ascii").strip())
        header = token.jose_header
        payload = json_read(token.objects["payload"])
    except (JWException, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise Invalid(where, _("chữ ký không phải JWS hợp lệ.")) from None
    if not isinstance(header, dict) or header.get("alg") not in ALGORITHMS:
        raise Invalid(where, _("chữ ký phải dùng thuật toán RS256, RS384 hoặc RS512."))
    if not isinstance(payload, dict) or _signed_view(payload, payload) != _signed_view(
            _without(stmt, item), payload):
        raise Invalid(where, _("nội dung đã ký khác với câu lệnh nhận được."))
    if header.get("x5c"):
        _verify_with_certificate(where, token, header)


def _without(stmt: dict, signature: dict) -> dict:
    rest = [a for a in stmt.get("attachments") or [] if a is not signature]
    stmt = {k: v for k, v in stmt.items() if k != "attachments"}
    return {**stmt, "attachments": rest} if rest else stmt


def _signed_view(stmt: dict, signed: dict) -> dict:
    """The properties the signature covers: not the LRS's own, and `id` / `version` only when
    the signer had them."""
    view = {k: v for k, v in stmt.items()
            if k not in LRS_PROPERTIES and (k not in SIGNER_OPTIONAL or k in signed)}
    if isinstance(view.get("id"), str):
        view["id"] = view["id"].lower()
    return view


def _verify_with_certificate(where: str, token: jws.JWS, header: dict) -> None:
    try:
        chain = header["x5c"]
        certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0]))
        key = jwk.JWK.from_pyca(certificate.public_key())
    except (ValueError, TypeError, IndexError, KeyError):
        raise Invalid(where, _("chứng thư x5c trong chữ ký không đọc được.")) from None
    try:
        token.verify(key, alg=header["alg"])
    except JWException:
        raise Invalid(where, _("chữ ký không khớp với chứng thư x5c.")) from None
