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
import re
from decimal import ROUND_DOWN, Decimal

from cryptography import x509
from django.utils.translation import gettext as _
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from lms.jsonio import json_read

from .validation import Invalid
from .versions import V1, Rules

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
ALGORITHMS = ("RS256", "RS384", "RS512")
LRS_PROPERTIES = ("stored", "authority")
SIGNER_OPTIONAL = ("id", "version")
SECONDS = re.compile(r"(\d+(?:\.\d+)?)S$")


def signatures_check(statements: list[tuple[str, dict]], files: dict, rules: Rules = V1) -> None:
    """Raises Invalid naming the statement's signature attachment when one is malformed."""
    for path, stmt in statements:
        signatures = [(j, item) for j, item in enumerate(stmt.get("attachments") or [])
                      if isinstance(item, dict) and item.get("usageType") == SIGNATURE_USAGE]
        if len(signatures) > 1:
            raise Invalid(f"{path}.attachments", _("chỉ được có một chữ ký."))
        for j, item in signatures:
            _check_one(f"{path}.attachments[{j}]", stmt, item, files, rules)


def _check_one(where: str, stmt: dict, item: dict, files: dict, rules: Rules) -> None:
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
    if not isinstance(payload, dict) or _signed_view(payload, payload, rules) != _signed_view(
            _without(stmt, item), payload, rules):
        raise Invalid(where, _("nội dung đã ký khác với câu lệnh nhận được."))
    if header.get("x5c"):
        _verify_with_certificate(where, token, header)


def _without(stmt: dict, signature: dict) -> dict:
    rest = [a for a in stmt.get("attachments") or [] if a is not signature]
    stmt = {k: v for k, v in stmt.items() if k != "attachments"}
    return {**stmt, "attachments": rest} if rest else stmt


def _signed_view(stmt: dict, signed: dict, rules: Rules) -> dict:
    """The properties the signature covers: not the LRS's own, and `id` / `version` only when
    the signer had them. Under 2.0 a `result.duration` (also a SubStatement's) is compared to
    0.01 s (4.2.4.4 statement comparison: "any precision beyond 0.01 second precision SHALL NOT
    be included in the comparison"), so PT1.234S and PT1.23S are the same duration."""
    view = {k: v for k, v in stmt.items()
            if k not in LRS_PROPERTIES and (k not in SIGNER_OPTIONAL or k in signed)}
    if isinstance(view.get("id"), str):
        view["id"] = view["id"].lower()
    if rules.is_2:
        view = _durations_to_centiseconds(view)
    return view


def _durations_to_centiseconds(stmt: dict) -> dict:
    out = dict(stmt)
    result = stmt.get("result")
    if isinstance(result, dict) and isinstance(result.get("duration"), str):
        out["result"] = {**result, "duration": duration_to_centiseconds(result["duration"])}
    obj = stmt.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        out["object"] = _durations_to_centiseconds(obj)
    return out


def duration_to_centiseconds(value: str) -> str:
    """The duration with its seconds cut (not rounded: precision beyond 0.01 s is left out)
    to two decimals; other components as written."""
    match = SECONDS.search(value)
    if not match:
        return value
    seconds = Decimal(match.group(1)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return f"{value[:match.start()]}{seconds}S"


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
