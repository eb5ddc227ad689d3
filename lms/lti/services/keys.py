from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..keys import private_pem_encrypt, rsa_generate
from ..models import LtiKey

GRACE_DAYS = 7


def lti_key_create() -> LtiKey:
    kid, pem, public = rsa_generate()
    return LtiKey.objects.create(kid=kid, private_key_encrypted=private_pem_encrypt(pem),
                                 public_jwk=public)


def lti_key_ensure() -> LtiKey:
    """The signing key, made on first use."""
    key = LtiKey.objects.filter(retired_at__isnull=True).first()
    return key or lti_key_create()


def lti_key_rotate(*, grace_days: int = GRACE_DAYS) -> LtiKey:
    """Add a new signing key. The keys it replaces stop signing now and stay published for
    `grace_days` (tokens signed with them still verify at the other side); keys whose grace
    period ended are deleted."""
    now = timezone.now()
    with transaction.atomic():
        LtiKey.objects.filter(published_until__lte=now).delete()
        LtiKey.objects.filter(retired_at__isnull=True).update(
            retired_at=now, published_until=now + timedelta(days=grace_days))
        return lti_key_create()
