"""Checking a pasted or uploaded Open Badges 3.0 credential: a VC-JWT (compact JWS) or its JSON
envelope (`EnvelopedVerifiableCredential` with a `data:application/vc+jwt,` id). Only this
site's issuers are known: the key comes from the published key ring, the status from the same
rows the published status list is made of — nothing is fetched from the network.

Outcome: valid, revoked, or invalid with a reason (Vietnamese source, English translation).
Every failure is a result, never an exception: the input is hostile by assumption."""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import openbadges, selectors, signing

MAX_BYTES = 64 * 1024
COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
ENVELOPE_PREFIX = "data:application/vc+jwt,"

VALID, REVOKED, INVALID = "valid", "revoked", "invalid"


@dataclass
class Outcome:
    status: str
    reason: str = ""
    facts: dict = field(default_factory=dict)  # what the page may show: names, dates


class Invalid(Exception):
    pass


def _compact(text: str) -> str:
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: deeply nested brackets
            raise Invalid(_("Không đọc được: không phải JSON hay JWT hợp lệ.")) from None
        envelope = data.get("id") if isinstance(data, dict) else None
        types = data.get("type") if isinstance(data, dict) else None
        types = types if isinstance(types, list) else [types]
        if "EnvelopedVerifiableCredential" in types and isinstance(envelope, str) \
                and envelope.startswith(ENVELOPE_PREFIX):
            text = envelope[len(ENVELOPE_PREFIX):].strip()
        elif isinstance(data, dict) and "proof" in data:
            raise Invalid(_("Kiểu chữ ký này không được hỗ trợ: HọcMở ký bằng VC-JWT."))
        else:
            raise Invalid(_("Chứng nhận không có chữ ký số."))
    if not COMPACT_JWS.match(text):
        raise Invalid(_("Không đọc được: không phải JSON hay JWT hợp lệ."))
    return text


def _date(value, what: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise Invalid(_("Ngày %(what)s không hợp lệ.") % {"what": what})
    return parsed


def _status_entry(payload: dict, issuer: str) -> tuple[int, int]:
    entry = payload.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry" \
            or entry.get("statusPurpose") != "revocation":
        raise Invalid(_("Thiếu thông tin trạng thái thu hồi."))
    where = openbadges.parse_status_list_url(entry.get("statusListCredential"))
    index = entry.get("statusListIndex")
    if where is None or where[0] != issuer or where[1] >= openbadges.MAX_LISTS \
            or not isinstance(index, str) \
            or not index.isascii() or not index.isdigit() or len(index) > 7 \
            or int(index) >= openbadges.LIST_SIZE:
        raise Invalid(_("Thông tin trạng thái thu hồi không đúng."))
    return where[1], int(index)


def _object(value) -> dict:
    return value if isinstance(value, dict) else {}


def _facts(payload: dict) -> dict:
    subject = _object(payload.get("credentialSubject"))
    achievement = _object(subject.get("achievement"))
    identifiers = subject.get("identifier")
    names = [i.get("identityHash") for i in identifiers
             if isinstance(i, dict) and i.get("identityType") == "name"] \
        if isinstance(identifiers, list) else []
    issuer = _object(payload.get("issuer"))

    def text(value):
        return value[:300] if isinstance(value, str) else ""

    return {"learner": text(names[0]) if names else "",
            "achievement": text(achievement.get("name")),
            "issuer": text(issuer.get("name")), "id": text(payload.get("id"))}


def check(text: str, *, now: datetime | None = None) -> Outcome:
    """The verdict on a submitted credential (see the module docstring)."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return Outcome(INVALID, _("Tệp quá lớn (tối đa 64 KB)."))
    try:
        return _check(_compact(text), now or timezone.now())
    except Invalid as exc:
        return Outcome(INVALID, str(exc))


def _check(compact: str, now: datetime) -> Outcome:
    try:
        header, payload = signing.read_unverified(compact)
    except signing.SignatureError:
        raise Invalid(_("Không đọc được: không phải JSON hay JWT hợp lệ.")) from None
    if header.get("alg") != signing.ALG:
        raise Invalid(_("Thuật toán ký không được chấp nhận."))
    issuer_value = payload.get("issuer")
    issuer_url = issuer_value.get("id") if isinstance(issuer_value, dict) else issuer_value
    issuer = openbadges.parse_issuer_id(issuer_url)
    if issuer is None or selectors.issuer_name(issuer) is None:
        raise Invalid(_("Đơn vị cấp không xác định."))
    key_ref = openbadges.parse_key_id(header.get("kid"))
    if key_ref is None or key_ref[0] != issuer:
        raise Invalid(_("Khóa ký không thuộc đơn vị cấp."))
    key = selectors.published_key(key_ref[1])
    if key is None:
        raise Invalid(_("Khóa ký không được công bố (không rõ hoặc đã bị rút bỏ)."))
    try:
        signing.verify(compact, signing.public_key(key.public_jwk))
    except (signing.SignatureError, ValueError, TypeError):
        raise Invalid(_("Chữ ký không khớp: nội dung đã bị sửa hoặc ký bằng khóa khác.")) \
            from None
    types = payload.get("type")
    context = payload.get("@context")
    if not (isinstance(types, list) and "OpenBadgeCredential" in types
            and "VerifiableCredential" in types and isinstance(context, list)
            and context[:1] == [openbadges.VC_CONTEXT]):
        raise Invalid(_("Không phải chứng nhận Open Badges 3.0."))
    valid_from = _date(payload.get("validFrom"), "validFrom")
    valid_until = _date(payload.get("validUntil"), "validUntil")
    if valid_from is None:
        raise Invalid(_("Thiếu ngày bắt đầu hiệu lực."))
    if valid_from > now:
        raise Invalid(_("Chưa đến ngày có hiệu lực."))
    if valid_until is not None and valid_until < now:
        raise Invalid(_("Đã hết hạn."))
    number, index = _status_entry(payload, issuer)
    facts = _facts(payload)
    if index in set(selectors.revoked_indexes(issuer, number)):
        return Outcome(REVOKED, _("Đơn vị cấp đã thu hồi chứng nhận này."), facts)
    return Outcome(VALID, "", facts)
