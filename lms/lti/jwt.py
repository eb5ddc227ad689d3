"""Signing and verifying JWTs as a platform, with jwcrypto (no hand-written crypto): our
id_tokens and access tokens; a tool's client assertions and deep linking responses, checked
against the tool's published JWKS. A token's `jti` / `nonce` is accepted once (cache.add)."""

import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from jwcrypto import jwk, jwt
from jwcrypto.common import JWException

from . import http
from .keys import private_jwk
from .selectors import lti_jwks


class TokenRefused(Exception):
    """The JWT is expired, replayed, wrongly signed, or for someone else."""


def issuer() -> str:
    return (settings.HOCMO_LTI_ISSUER or settings.HOCMO_SITE_ORIGIN).rstrip("/")


def sign(claims: dict, *, lifetime: int = 300) -> str:
    from .services.keys import lti_key_ensure

    key = lti_key_ensure()
    now = int(time.time())
    body = {"iat": now, "exp": now + lifetime, "jti": uuid.uuid4().hex, **claims}
    token = jwt.JWT(header={"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims=body)
    token.make_signed_token(private_jwk(key.kid, key.private_key_encrypted))
    return token.serialize()


def _verify(token: str, keyset: jwk.JWKSet, check: dict) -> dict:
    try:
        parsed = jwt.JWT(jwt=token, key=keyset, algs=["RS256"], expected_type="JWS",
                         check_claims={"exp": None, **check})  # leeway: 60 s
        claims = json.loads(parsed.claims)
    except (JWException, ValueError, TypeError, KeyError) as exc:
        raise TokenRefused(str(exc) or exc.__class__.__name__) from exc
    if not isinstance(claims, dict):
        raise TokenRefused("claims")
    return claims


def verify_ours(token: str, *, audience: str) -> dict:
    """An access token we issued (AGS calls)."""
    return _verify(token, jwk.JWKSet.from_json(json.dumps(lti_jwks())),
                   {"iss": issuer(), "aud": audience})


def tool_keyset(jwks_url: str) -> jwk.JWKSet:
    cache_key = f"lti:tool-jwks:{jwks_url}"
    text = cache.get(cache_key)
    if text is None:
        try:
            response = http.session().get(jwks_url)
            response.raise_for_status()
            text = json.dumps(response.json())
            keyset = jwk.JWKSet.from_json(text)
        except Exception as exc:  # any failure to fetch or read the tool's keys refuses
            raise TokenRefused("jwks") from exc
        cache.set(cache_key, text, 300)
        return keyset
    return jwk.JWKSet.from_json(text)


def verify_tool(token: str, *, jwks_url: str, issuer_: str, audience: str,
                once_claim: str) -> dict:
    """A JWT a tool signed: its keys, its issuer (client id), our audience, not expired, and
    its `once_claim` (jti or nonce) never seen before."""
    claims = _verify(token, tool_keyset(jwks_url), {"iss": issuer_, "aud": audience})
    once = claims.get(once_claim)
    if not once or not isinstance(once, str):
        raise TokenRefused(once_claim)
    if not cache.add(f"lti:once:{issuer_}:{once}", 1, timeout=3600):
        raise TokenRefused("replayed")
    return claims
