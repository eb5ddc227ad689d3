"""Recovery codes for two-step sign-in: ten one-time codes shown once when two-step is turned
on (or when the user asks for new ones), for the day the phone or mailbox is lost.

Each code is 10 characters from a 32-letter alphabet without look-alikes (0/O, 1/I): 50 bits,
so the 5 tries of a pending sign-in cannot guess one. Only an HMAC-SHA256 of each code (keyed by
SECRET_KEY, bound to the user) is stored; using one marks it used with a conditional UPDATE, so
two parallel sign-ins cannot both use it. New codes replace all the old ones."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import RecoveryCode

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_COUNT = 10
CODE_LENGTH = 10


def _digest(user_id: int, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"recovery:{user_id}:{code}".encode(), hashlib.sha256).hexdigest()


def normalise(value: str) -> str:
    """What the user typed, as stored: upper case, separators and spaces dropped."""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())


def display(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


@transaction.atomic
def recovery_codes_issue(user) -> list[str]:
    """Ten new codes for `user` (the old ones stop working). Returns them for showing once."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = ["".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
             for _ in range(CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(user=user, code_hash=_digest(user.pk, code)) for code in codes])
    return [display(code) for code in codes]


def recovery_code_use(user, value: str) -> bool:
    """True once for each of the user's live codes; False for anything else."""
    code = normalise(value)
    if user is None or len(code) != CODE_LENGTH:
        return False
    return bool(RecoveryCode.objects.filter(
        user=user, code_hash=_digest(user.pk, code), used_at__isnull=True,
    ).update(used_at=timezone.now()))


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def recovery_codes_forget(user) -> None:
    RecoveryCode.objects.filter(user=user).delete()
