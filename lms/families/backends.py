"""Sign in with a phone number or an email address (as well as the username)."""

from django.db.models import Q

from lms.accounts.backends import AccountBackend
from lms.accounts.models import User


def normalise_phone(value: str) -> str:
    """Vietnamese mobile numbers as stored: 0xxxxxxxxx (accepts +84 / 84 and spaces)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.strip().startswith("+84") or (digits.startswith("84") and len(digits) == 11):
        digits = "0" + digits[2:]
    return digits


class PhoneOrEmailBackend(AccountBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        value = username.strip()
        if "@" in value:
            query = Q(email__iexact=value)
        else:
            phone = normalise_phone(value)
            if len(phone) < 9:
                return None
            query = Q(phone=phone)
        matches = list(User.objects.filter(query)[:2])
        if len(matches) != 1:  # ambiguous emails sign in by username only
            User().set_password(password)  # same timing as a real check
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
