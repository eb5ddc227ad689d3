from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from lms.lti.keys import private_pem_decrypt
from lms.lti.models import LtiKey
from lms.lti.selectors import lti_jwks, lti_key_signing
from lms.lti.services import lti_key_ensure, lti_key_rotate


def test_rotation_keeps_the_old_key_published_until_the_grace_period_ends(db, client):
    old = lti_key_ensure()
    assert b"PRIVATE KEY" not in old.private_key_encrypted.encode()  # encrypted at rest
    assert b"PRIVATE KEY" in private_pem_decrypt(old.private_key_encrypted)
    new = lti_key_rotate(grace_days=7)
    assert lti_key_signing() == new
    kids = [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]]
    assert set(kids) == {old.kid, new.kid}
    assert all("d" not in k for k in lti_jwks()["keys"])  # no private part published
    LtiKey.objects.filter(pk=old.pk).update(published_until=timezone.now() - timedelta(1))
    assert [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]] == [new.kid]
    lti_key_rotate()
    assert not LtiKey.objects.filter(pk=old.pk).exists()  # past its grace period: removed


def test_the_command_rotates(db):
    lti_key_ensure()
    call_command("lti_key_rotate", "--grace-days", "1")
    assert LtiKey.objects.count() == 2
    assert LtiKey.objects.filter(retired_at__isnull=True).count() == 1
