"""Sign-in failures forgotten: by a successful sign-in (the axes handler in
lms/accounts/lockout.py), a password reset, or a school admin lifting a lockout."""

from axes.models import AccessAttempt
from django.db.models import Q


def attempt_forget(attempt: AccessAttempt) -> int:
    """One account's failure row removed (a successful sign-in). Returns the rows removed."""
    count, _ = attempt.delete()
    return count


def account_unlock(username: str) -> int:
    """Forgets the account's failures (from every address). Returns the rows removed."""
    count, _ = AccessAttempt.objects.filter(username=username).delete()
    return count


def address_unlock(ip_address: str) -> int:
    count, _ = AccessAttempt.objects.filter(Q(ip_address=ip_address)).delete()
    return count
