"""School admins linking parents to learners directly (without a link code): find a parent
account by phone/email or create one and send an invitation. Teachers keep the link-code path.

Permission: the actor holds SCHOOL_ADMIN or OFFICER over the school (lms.units.permissions) and
the learner has a current class inside that school; anything else is PermissionError (views
answer 404). Every link and revoke is recorded in GuardianLinkEvent (who, when, how)."""

import uuid

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from lms.accounts.backends import user_for_identifier, users_for_identifier
from lms.accounts.models import GuardianLink, User
from lms.units.models import Unit
from lms.units.permissions import learner_in_subtree

from .models import LinkVia
from .permissions import can_admin_school
from .services import guardian_link_ensure

INVITE_EVENT = "guardian_invite"


def _check(actor, school: Unit, learner) -> None:
    if not can_admin_school(actor, school) or not learner_in_subtree(learner, school):
        raise PermissionError(_("Bạn không quản lý học sinh này."))


def guardian_link_by_admin(*, actor, school: Unit, learner, guardian) -> tuple[GuardianLink, bool]:
    """Links (or re-links) `guardian` to `learner`; a live link is left alone. (link, changed)."""
    _check(actor, school, learner)
    if guardian.pk == learner.pk:
        raise ValidationError(_("Không thể liên kết học sinh với chính tài khoản của mình."))
    return guardian_link_ensure(guardian=guardian, learner=learner, actor=actor,
                                via=LinkVia.ADMIN)


def parent_create_and_link(*, actor, school: Unit, learner, full_name: str, phone: str,
                           email: str) -> tuple[User, bool, bool]:
    """A parent account (no usable password yet) linked to the learner, with an invitation to
    set a password. If the phone or email already has exactly one account, that account is
    linked instead (so a repeated submit creates nothing new). Returns (user, created, linked)."""
    _check(actor, school, learner)
    by_email = users_for_identifier(email) if email else []
    email_shared = len(by_email) > 1
    existing = [u for u in (user_for_identifier(phone) if phone else None,
                            *([] if email_shared else by_email)) if u is not None]
    if existing:
        if len({u.pk for u in existing}) > 1:
            raise ValidationError(_("Số điện thoại và email thuộc hai tài khoản khác nhau."))
        link, changed = guardian_link_by_admin(actor=actor, school=school, learner=learner,
                                               guardian=existing[0])
        return existing[0], False, changed
    if email_shared:  # a further account with it would make signing in by it more ambiguous
        raise ValidationError(_("Email này đã thuộc nhiều tài khoản. Hãy dùng số điện thoại, "
                                "hoặc liên kết bằng mã liên kết."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    username=phone or email.lower() or f"ph-{uuid.uuid4().hex[:10]}",
                    email=email or "", password=None, full_name=full_name, phone=phone or None)
        except IntegrityError as exc:
            raise ValidationError(_("Số điện thoại hoặc email này đã có tài khoản.")) from exc
        guardian_link_ensure(guardian=user, learner=learner, actor=actor, via=LinkVia.ADMIN)
        parent_invite_send(user, school=school, learner=learner)
    return user, True, True


def set_password_path(user) -> str:
    return reverse("accounts:set_password", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                  default_token_generator.make_token(user)])


def parent_invite_send(user, *, school: Unit, learner) -> None:
    """The invitation through the notification service (SMS if there is a phone, email if there
    is an email; sent after commit). The set-password link works once (Django's reset token
    changes with the password) and for PASSWORD_RESET_TIMEOUT; afterwards the parent can still
    sign in with a one-time code."""
    from lms.notifications.services import absolute_url, notification_send

    path = set_password_path(user)
    link = absolute_url(path)
    code_login = absolute_url(reverse("accounts:code_login"))
    with translation.override(user.preferred_language or "vi"):
        title = _("Tài khoản phụ huynh HọcMở của bạn đã sẵn sàng")
        body = _("%(school)s đã tạo tài khoản phụ huynh HọcMở để bạn theo dõi việc học của "
                 "%(child)s. Đặt mật khẩu tại liên kết bên dưới, hoặc đăng nhập bằng mã gửi "
                 "qua SMS/email tại %(code_login)s.") % {
            "school": school.name, "child": learner.get_full_name(), "code_login": code_login}
        sms = _("HọcMở: tài khoản phụ huynh của bạn đã sẵn sàng. Đặt mật khẩu: %(link)s") % {
            "link": link}
        if len(sms) > 160:  # a long host: the short form never cuts a link in half
            sms = _("HọcMở: tài khoản phụ huynh của bạn đã sẵn sàng. Đăng nhập bằng mã: "
                    "%(link)s") % {"link": code_login}
    channels = ["in_app"] + (["sms"] if user.phone else []) + (["email"] if user.email else [])
    notification_send(user, INVITE_EVENT, {"title": title, "body": body, "sms": sms,
                                           "url": path},
                      dedupe_key=f"{INVITE_EVENT}:{user.pk}", channels=channels)
