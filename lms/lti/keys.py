"""Our RSA keys as jwcrypto objects (no hand-written crypto): the private key is kept encrypted
with Fernet under a key derived (HKDF) from HOCMO_LTI_KEY_SECRET, or SECRET_KEY when unset."""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from jwcrypto import jwk


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"hocmo-lti-keys",
                   info=b"lti private keys at rest").derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _secret() -> str:
    return settings.HOCMO_LTI_KEY_SECRET or settings.SECRET_KEY


def private_pem_encrypt(pem: bytes) -> str:
    return _fernet(_secret()).encrypt(pem).decode()


def private_pem_decrypt(token: str) -> bytes:
    return _fernet(_secret()).decrypt(token.encode())


def rsa_generate() -> tuple[str, bytes, dict]:
    """(kid, private PEM, public JWK dict) of a new 2048-bit RSA key."""
    key = jwk.JWK.generate(kty="RSA", size=2048)
    kid = key.thumbprint()  # what jwcrypto (and so pylti1p3) names a key loaded from PEM
    pem = key.export_to_pem(private_key=True, password=None)
    public = key.export_public(as_dict=True)
    public.update(kid=kid, alg="RS256", use="sig")
    return kid, pem, public


@lru_cache(maxsize=8)
def private_jwk(kid: str, encrypted: str) -> jwk.JWK:
    return jwk.JWK.from_pem(private_pem_decrypt(encrypted))  # kid: its thumbprint
