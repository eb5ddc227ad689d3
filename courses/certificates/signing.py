"""Ed25519 signatures for Open Badges 3.0 credentials, as VC-JOSE (a JWS in compact form whose
payload is the credential itself, `typ: vc+jwt`), through jwcrypto: no hand-written crypto.

Why VC-JOSE and not a Data Integrity proof (`eddsa-rdfc-2022`): that proof signs the RDF
canonical form of the JSON-LD, which needs a JSON-LD processor fetching (or pinning) every
context and an RDF canonicaliser; a JWS signs the exact bytes sent, so a single library does it
and any change to any field (or to the header) breaks the signature. Open Badges 3.0 lists both.

Private keys are stored as PKCS#8 PEM encrypted (by the `cryptography` library behind jwcrypto)
with a password taken from settings.CERTIFICATE_KEY_PASSWORD, else derived from SECRET_KEY.
jwcrypto (and `cryptography` under it) is imported inside the functions: a web worker that
serves pages never loads it (tests/test_worker_imports.py)."""

import hashlib
import json
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from jwcrypto.jwk import JWK

ALG = "EdDSA"
TYP = "vc+jwt"


class SignatureError(Exception):
    """The token cannot be read or its signature does not match the key."""


def _password() -> bytes:
    secret = settings.CERTIFICATE_KEY_PASSWORD or settings.SECRET_KEY
    return hashlib.sha256(("hocmo-open-badges:" + secret).encode()).hexdigest().encode()


def new_key_pair() -> tuple[str, dict, str]:
    """A fresh Ed25519 key: (kid = RFC 7638 thumbprint, public JWK, encrypted private PEM)."""
    from jwcrypto import jwk

    key = jwk.JWK.generate(kty="OKP", crv="Ed25519")
    kid = key.thumbprint()
    public = json.loads(key.export_public())
    public.update(kid=kid, alg=ALG, use="sig")
    pem = key.export_to_pem(private_key=True, password=_password()).decode()
    return kid, public, pem


def private_key(pem: str) -> "JWK":
    from jwcrypto import jwk

    return jwk.JWK.from_pem(pem.encode(), password=_password())


def public_key(public_jwk: dict) -> "JWK":
    from jwcrypto import jwk

    return jwk.JWK(**public_jwk)


def sign(payload: dict, *, key: "JWK", kid: str) -> str:
    """The compact JWS of `payload` (UTF-8 JSON), header {alg, kid, typ, cty}."""
    from jwcrypto import jws
    from jwcrypto.common import json_encode

    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    token = jws.JWS(body)
    token.add_signature(key, alg=ALG, protected=json_encode(
        {"alg": ALG, "kid": kid, "typ": TYP, "cty": "vc"}))
    return token.serialize(compact=True)


def read_unverified(compact: str) -> tuple[dict, dict]:
    """(header, payload) of a compact JWS before its signature is checked: the payload names the
    issuer, the header the key, so both are needed to find the key. SignatureError if unreadable."""
    from jwcrypto import jws
    from jwcrypto.common import JWException

    token = jws.JWS()
    try:
        token.deserialize(compact)
        header = token.jose_header
        payload = json.loads(token.objects["payload"])
    except (JWException, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise SignatureError(str(exc)) from exc
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise SignatureError("header and payload must be JSON objects")
    return header, payload


def verify(compact: str, key: "JWK") -> None:
    """Raises SignatureError unless `compact` is signed by `key` with EdDSA."""
    from jwcrypto import jws
    from jwcrypto.common import JWException

    token = jws.JWS()
    token.allowed_algs = [ALG]
    try:
        token.deserialize(compact)
        token.verify(key, alg=ALG)
    except (JWException, ValueError, TypeError, KeyError) as exc:
        raise SignatureError(str(exc)) from exc
