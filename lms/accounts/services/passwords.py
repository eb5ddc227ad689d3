"""Passwords: change (the current password required), reset by an email link or an SMS code,
and a new password made by a school admin for a pupil. Every change is recorded (AccountEvent),
lifts a sign-in lockout where the owner proved who they are, and tells the owner.

No user enumeration: a reset request is throttled and queued the same way for any identifier;
the task (a Celery worker in production) looks the account up and sends only when there is
exactly one, so neither the answer nor its timing says whether an account exists."""

import logging
import secrets

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..backends import user_for_identifier
from ..delivery import DeliveryError, Message, absolute_url, message_send
from ..models import AccountAction, AccountEvent, SignInChannel, SignInPurpose, User
from ..signals import security_notice
from . import lockout, signin

log = logging.getLogger("hocmo.accounts")

# Generated passwords: 10 characters without look-alikes (0/O, 1/l/I), grouped for reading
# aloud and typing on a phone: about 50 bits.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 - an alphabet


def account_event_record(user, action: str, *, actor=None, ip: str = "") -> AccountEvent:
    return AccountEvent.objects.create(user=user, actor=actor, action=action,
                                       ip_address=ip or None)


def security_notify(user, action: str) -> None:
    """Tells the owner of a security change on every channel they have (in-app, SMS, email),
    so a change they did not make does not go unnoticed (lms.notifications sends it)."""
    with translation.override(user.preferred_language or "vi"):
        what = AccountAction(action).label
        title = _("Tài khoản HọcMở của bạn: %(what)s") % {"what": what}
        body = _("Vừa có thay đổi bảo mật trên tài khoản %(username)s: %(what)s. Nếu không "
                 "phải bạn, hãy đặt lại mật khẩu ngay và báo cho nhà trường.") % {
            "username": user.get_username(), "what": what}
        sms = _("HocMo: tai khoan %(username)s vua thay doi bao mat. Neu khong phai ban, hay "
                "dat lai mat khau.") % {"username": user.get_username()}
    channels = ["in_app"] + (["sms"] if user.phone else []) + (["email"] if user.email else [])
    security_notice.send(sender=User, user=user, channels=channels,
                         context={"title": title, "body": body, "sms": sms,
                                  "url": reverse("accounts:security")})


def _recorded(user, action: str, *, actor=None, ip: str = "", notify: bool = True) -> None:
    account_event_record(user, action, actor=actor, ip=ip)
    if notify:
        security_notify(user, action)


# --- Change (signed in) ----------------------------------------------------------------------


def password_form_save(form) -> User:
    """Store the new password of a valid Django password form (PasswordChangeForm,
    SetPasswordForm, the reset-code form); the caller then records it (password_changed or
    password_reset_done)."""
    return form.save()


def password_changed(user, *, ip: str = "") -> None:
    """After PasswordChangeForm/SetPasswordForm saved the new password."""
    _recorded(user, AccountAction.PASSWORD_CHANGED, actor=user, ip=ip)


# --- Reset (forgotten) -----------------------------------------------------------------------


def reset_path(user) -> str:
    """The one-time link to set a new password (Django's token: it stops working once the
    password changes or the user signs in, and after PASSWORD_RESET_TIMEOUT)."""
    return reverse("accounts:set_password", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                  default_token_generator.make_token(user)])


def password_reset_request(identifier: str, ip: str) -> bool:
    """Counts the request (the sign-in code limits: 1 a minute and 5 an hour per identifier,
    5 a minute and 30 an hour per address) and queues the delivery. False when throttled."""
    from ..tasks import password_reset_deliver

    if not signin.request_allowed(f"reset:{identifier}", ip):
        return False
    password_reset_deliver.delay(identifier=identifier)
    return True


def password_reset_deliver(identifier: str) -> bool:
    """What the task does: an email address gets a link by email, a phone number a 6-digit
    code by SMS. Unknown, shared or inactive accounts get nothing, silently."""
    user = user_for_identifier(identifier)
    if user is None or not user.is_active:
        return False
    by_email = "@" in identifier
    with translation.override(user.preferred_language or "vi"):
        if by_email:
            link = absolute_url(reset_path(user))
            subject = _("Đặt lại mật khẩu HọcMở")
            body = _("Xin chào %(name)s,\n\nBạn (hoặc ai đó) vừa yêu cầu đặt lại mật khẩu cho "
                     "tài khoản HọcMở %(username)s. Mở liên kết sau để đặt mật khẩu mới (dùng "
                     "được một lần):\n\n%(link)s\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; "
                     "mật khẩu của bạn không đổi.") % {
                "name": user.get_full_name(), "username": user.get_username(), "link": link}
            message = Message("email", f"reset:{user.pk}:{secrets.token_hex(4)}",
                              user.email, subject, body)
        else:
            row, code = signin.code_issue(user, purpose=SignInPurpose.PASSWORD_RESET,
                                          channel=SignInChannel.SMS)
            text = _("HọcMở: mã đặt lại mật khẩu của bạn là %(code)s, có hiệu lực 10 phút. "
                     "Không chia sẻ mã này với ai.") % {"code": code}
            message = Message("sms", f"reset:{row.pk}", user.phone or "",
                              _("Mã đặt lại mật khẩu"), text)
    try:
        message_send(message)
    except DeliveryError as exc:
        log.warning("password reset for user %s not sent: %s", user.pk, exc)
        return False
    return True


def password_reset_code_check(identifier: str, code: str) -> User | None:
    """The account when `code` is its live reset code (each try counts; 5 per code)."""
    user = user_for_identifier(identifier)
    if signin.code_verify(user, purpose=SignInPurpose.PASSWORD_RESET, code=code) and (
            user is not None and user.is_active):
        return user
    return None


def password_reset_done(user, *, ip: str = "") -> None:
    """After a reset by link or code set the new password: the owner proved they hold the
    account's email or phone, so a sign-in lockout on the account is lifted."""
    lockout.account_unlock(user.get_username())
    _recorded(user, AccountAction.PASSWORD_RESET, actor=user, ip=ip)


# --- A school admin's new password for a pupil -----------------------------------------------


def password_generate() -> str:
    raw = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def passwords_set_by_admin(*, actor, learners, ip: str = "") -> list[tuple[User, str]]:
    """New generated passwords for `learners` (the caller has checked the admin may manage
    each): returned once for printing, only their hashes kept. Lockouts are lifted; each is
    recorded with the admin as actor. Pupils with a phone or email are also told."""
    issued = []
    for learner in learners:
        password = password_generate()
        learner.set_password(password)
        learner.save(update_fields=["password"])
        lockout.account_unlock(learner.get_username())
        _recorded(learner, AccountAction.PASSWORD_SET_BY_ADMIN, actor=actor, ip=ip,
                  notify=bool(learner.phone or learner.email))
        issued.append((learner, password))
    return issued


def account_unlock_by_admin(*, actor, user, ip: str = "") -> int:
    removed = lockout.account_unlock(user.get_username())
    account_event_record(user, AccountAction.LOCKOUT_LIFTED, actor=actor, ip=ip)
    return removed
