"""What a sign-in records in the session. A pupil signing in with a password the school printed
for them must choose their own first: the sign-in marks the session, and
PasswordChangeRequiredMiddleware sends every page view to "Đổi mật khẩu" until they have. The
navigation a user gets is decided here once (navigation.py), so the header costs no query."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import AccountAction, AccountEvent, User
from .navigation import NAV_SESSION_KEY, navigation_flags
from .usercache import user_generations_bump

MUST_CHANGE_KEY = "hocmo_must_change_password"
_PASSWORD_ACTIONS = (AccountAction.PASSWORD_SET_BY_ADMIN, AccountAction.PASSWORD_CHANGED,
                     AccountAction.PASSWORD_RESET)


def password_is_temporary(user) -> bool:
    """The account's latest password came from a school admin (one query)."""
    latest = (AccountEvent.objects.filter(user=user, action__in=_PASSWORD_ACTIONS)
              .order_by("-at", "-pk").values_list("action", flat=True).first())
    return latest == AccountAction.PASSWORD_SET_BY_ADMIN


@receiver(user_logged_in)
def _temporary_password(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and password_is_temporary(user):
        request.session[MUST_CHANGE_KEY] = True


@receiver(user_logged_in)
def _remember_navigation(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[NAV_SESSION_KEY] = navigation_flags(user)


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
def _forget_kept_user(sender, instance, **kwargs):
    """Every worker reads the account row again on its next request (usercache.py): a
    deactivation, a new password, a changed flag apply at once."""
    user_generations_bump([instance.pk])
