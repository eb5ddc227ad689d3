"""Authentication backends: the account backend (fast per-request user load) and sign-in with a
phone number or an email address (as well as the username)."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from lms.common.phone import phone_normalise

from .models import User
from .usercache import user_cached


class AccountBackend(ModelBackend):
    """ModelBackend whose per-request user load skips query compilation (it runs on every
    signed-in request); authentication and permissions are ModelBackend's own."""

    def get_user(self, user_id):
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        # The row from this worker's memory while its generation holds (usercache.py: every
        # write of the row replaces it, so deactivation and password changes apply at once).
        user = user_cached(pk, _user_row)
        return user if user is not None and self.user_can_authenticate(user) else None


def _user_row(pk: int) -> User | None:
    table = User._meta.db_table
    found = list(User.objects.raw(f"SELECT * FROM {table} WHERE id = %s", [pk]))  # noqa: S608
    return found[0] if found else None



def identifier_query(value: str) -> Q | None:
    """The lookup for a phone number or an email address typed at sign-in (None: neither)."""
    value = (value or "").strip()
    if "@" in value:
        return Q(email__iexact=value)
    phone = phone_normalise(value)
    return Q(phone=phone) if phone else None


def users_for_identifier(value: str) -> list[User]:
    """Up to two accounts with this phone or email: none, the one, or proof it is shared."""
    query = identifier_query(value)
    return [] if query is None else list(User.objects.filter(query)[:2])


def user_for_identifier(value: str) -> User | None:
    """The one account with this phone or email; None when there is none or several (ambiguous
    emails sign in by username only)."""
    matches = users_for_identifier(value)
    return matches[0] if len(matches) == 1 else None


class PhoneOrEmailBackend(AccountBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        if identifier_query(username) is None:
            return None
        user = user_for_identifier(username)
        if user is None:
            User().set_password(password)  # same timing as a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
