"""Signing test tokens with jwcrypto: with our published key (as the platform would), or with
a key nobody published."""

import time
import uuid

from jwcrypto import jwk, jwt

from lms.lti.keys import private_jwk
from lms.lti.selectors import lti_key_signing

OTHER_KEY = jwk.JWK.generate(kty="RSA", size=2048)


def signed(claims: dict, *, key=None, kid: str | None = None, lifetime: int = 300) -> str:
    ours = lti_key_signing()
    if key is None:
        key = private_jwk(ours.kid, ours.private_key_encrypted)
        kid = kid or ours.kid
    now = int(time.time())
    body = {"iat": now, "exp": now + lifetime, "jti": uuid.uuid4().hex, **claims}
    token = jwt.JWT(header={"alg": "RS256", "kid": kid or key.thumbprint()}, claims=body)
    token.make_signed_token(key)
    return token.serialize()
