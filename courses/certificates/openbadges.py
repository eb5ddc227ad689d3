"""Open Badges 3.0 documents built from a certificate or award (pure functions, no database):
the `OpenBadgeCredential`, the issuer `Profile`, the W3C Bitstring Status List credential, and
the machine URLs under /verify/ they point to.

An issuer is the certificate's issuing unit (`/verify/issuer/<unit id>/`) or, when none,
HọcMở itself (`/verify/issuer/hocmo/`). All issuers publish the instance's one key ring.
A certificate's place in its issuer's status lists is its primary key: list `pk // LIST_SIZE`,
bit `pk % LIST_SIZE` (bits of other issuers' certificates stay 0)."""

import base64
import gzip
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

SITE_ISSUER = "hocmo"
SITE_NAME = "HọcMở"
LIST_SIZE = 131072  # 16 KiB, the minimum the Bitstring Status List spec sets (herd privacy)
MAX_LISTS = 10_000  # 1.3 billion certificates; a larger list number in a URL is garbage
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    return base_url() + path if path.startswith("/") else path


def issuer_of(certificate) -> str:
    return str(certificate.issuing_unit_id) if certificate.issuing_unit_id else SITE_ISSUER


def issuer_id(issuer: str) -> str:
    return absolute(reverse("certificates:issuer", args=[issuer]))


def keys_url(issuer: str) -> str:
    return absolute(reverse("certificates:issuer_keys", args=[issuer]))


def status_list_url(issuer: str, number: int) -> str:
    return absolute(reverse("certificates:status_list", args=[issuer, number]))


def _own_route(url: object):
    """The route an absolute URL of this site resolves to, or None (foreign site, garbage)."""
    if not isinstance(url, str) or len(url) > 500:
        return None
    own = urlsplit(base_url())
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if (parts.scheme, parts.netloc) != (own.scheme, own.netloc) or parts.query:
        return None
    try:
        return resolve(parts.path)
    except Resolver404:
        return None


def parse_issuer_id(url: object) -> str | None:
    match = _own_route(url)
    if match is None or match.view_name != "certificates:issuer" or "#" in str(url):
        return None
    return match.kwargs["issuer"]


def parse_key_id(kid: object) -> tuple[str, str] | None:
    """`<keys.json URL>#<thumbprint>` → (issuer, thumbprint)."""
    if not isinstance(kid, str) or kid.count("#") != 1:
        return None
    url, thumbprint = kid.split("#")
    match = _own_route(url)
    if match is None or match.view_name != "certificates:issuer_keys" or not thumbprint:
        return None
    return match.kwargs["issuer"], thumbprint


def parse_status_list_url(url: object) -> tuple[str, int] | None:
    match = _own_route(url)
    if match is None or match.view_name != "certificates:status_list" or "#" in str(url):
        return None
    return match.kwargs["issuer"], match.kwargs["number"]


def status_position(certificate) -> tuple[int, int]:
    return divmod(certificate.pk, LIST_SIZE)


def issuer_profile(issuer: str, name: str) -> dict:
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_id(issuer),
        "type": ["Profile"],
        "name": name,
        "url": base_url() + "/",
        "description": _("Đơn vị cấp chứng chỉ trên HọcMở") if issuer != SITE_ISSUER else SITE_NAME,
    }  # its keys: <id>keys.json, which every credential's `kid` names


def credential(certificate) -> dict:
    """The OpenBadgeCredential of a certificate or award (Vietnamese texts, as on the PDF)."""
    from .pdf import verify_url

    issuer = issuer_of(certificate)
    url = verify_url(certificate)
    number, index = status_position(certificate)
    status_url = status_list_url(issuer, number)
    with override("vi"):  # certificates are Vietnamese documents
        if certificate.is_award:
            description = f"{certificate.citation} {certificate.course_title}".strip()
            criteria = certificate.citation or certificate.course_title
        else:
            description = _("Hoàn thành khóa học %(title)s") % {"title": certificate.course_title}
            criteria = _("Hoàn thành mọi bài bắt buộc và đạt bài kiểm tra của khóa học.")
    achievement = {
        "id": f"{url}#achievement", "type": ["Achievement"],
        "achievementType": "Award" if certificate.is_award else "Certificate",
        "name": certificate.course_title, "description": description,
        "criteria": {"narrative": criteria},
        "image": {"id": absolute(static("favicon.svg")), "type": "Image"},
    }
    if certificate.hours:
        achievement["creditsAvailable"] = certificate.hours  # hours of study
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id(issuer), "type": ["Profile"],
                   "name": certificate.issuing_unit_name or SITE_NAME},
        "validFrom": certificate.issued_at.isoformat(timespec="seconds"),
        "name": certificate.course_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name",
                            "hashed": False, "identityHash": certificate.learner_name}],
            "achievement": achievement,
        },
        "credentialStatus": {
            "id": f"{status_url}#{index}", "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": str(index),
            "statusListCredential": status_url,
        },
    }


def encode_bitstring(indexes) -> str:
    """Multibase base64url (no padding, prefix "u") of the GZIP of a LIST_SIZE-bit string where
    bit i (counted from the left-most bit of the first byte) is 1 for each i in `indexes`."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(issuer: str, number: int, name: str, revoked_indexes,
                           now: datetime) -> dict:
    url = status_list_url(issuer, number)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {"id": issuer_id(issuer), "type": ["Profile"], "name": name},
        "validFrom": now.isoformat(timespec="seconds"),
        "credentialSubject": {
            "id": f"{url}#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
            "ttl": settings.CERTIFICATE_STATUS_LIST_MAX_AGE * 1000,
            "encodedList": encode_bitstring(revoked_indexes),
        },
    }
