"""Linking parents to learners, parent registration, and class news. Permission checks use
lms.units.permissions (see permissions.py here for the family-specific helpers)."""

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import throttle
from lms.accounts.models import GuardianLink, User

from .images import photo_prepare
from .models import GuardianLinkEvent, LinkAction, LinkCode, LinkVia, NewsPhoto, NewsPost
from .permissions import can_manage_learner_class, learner_class_units

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from a printed slip
CODE_LENGTH = 10
MAX_FAILED_REDEEMS = 10  # per account or address per hour
MAX_PHOTOS = 6


class LinkCodeInvalid(ValueError):
    """The code is wrong, used, or expired (one message for all: no oracle)."""


def _hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def format_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def link_code_create(*, actor, learner) -> tuple[LinkCode, str]:
    """A teacher (or school admin) managing one of the learner's classes makes a one-time code.
    Returns the row and the plain code, which is never stored."""
    if not can_manage_learner_class(actor, learner):
        raise PermissionError(_("Bạn không quản lý lớp của học sinh này."))
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    days = settings.HOCMO_FAMILIES_LINK_CODE_DAYS
    row = LinkCode.objects.create(learner=learner, created_by=actor, code_hash=_hash(code),
                                  expires_at=timezone.now() + datetime.timedelta(days=days))
    return row, format_code(code)


def _throttle_key(who: str) -> str:
    return f"families:redeem-fail:{who}"


def redeem_allowed(who: str) -> bool:
    return throttle.attempts(_throttle_key(who)) < MAX_FAILED_REDEEMS


def _redeem_failed(who: str) -> None:
    throttle.attempt_count(_throttle_key(who), 3600)


def link_code_check(code: str) -> LinkCode:
    row = (LinkCode.objects.select_related("learner")
           .filter(code_hash=_hash(code), used_at__isnull=True, expires_at__gt=timezone.now())
           .first())
    if row is None:
        raise LinkCodeInvalid(_("Mã liên kết không đúng, đã dùng hoặc đã hết hạn."))
    return row


def link_code_redeem(*, guardian, code: str, throttle_id: str = "") -> GuardianLink:
    """Uses the code once (conditional UPDATE: two parents racing for one code, one wins) and
    creates the link, or revives a revoked one."""
    who = throttle_id or f"user:{guardian.pk}"
    if not redeem_allowed(who):
        raise LinkCodeInvalid(_("Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau một giờ."))
    try:
        row = link_code_check(code)
    except LinkCodeInvalid:
        _redeem_failed(who)
        raise
    if row.learner_id == guardian.pk:
        raise LinkCodeInvalid(_("Không thể tự liên kết với chính mình."))
    with transaction.atomic():
        now = timezone.now()
        won = LinkCode.objects.filter(pk=row.pk, used_at__isnull=True).update(
            used_at=now, used_by=guardian)
        if not won:
            raise LinkCodeInvalid(_("Mã liên kết không đúng, đã dùng hoặc đã hết hạn."))
        link, _changed = guardian_link_ensure(guardian=guardian, learner=row.learner,
                                              actor=guardian, via=LinkVia.CODE)
    return link


def guardian_link_ensure(*, guardian, learner, actor, via: str) -> tuple[GuardianLink, bool]:
    """Creates the link or revives a revoked one, recording who did it; a live link is left as
    it is (linking twice does nothing new). Returns (link, changed)."""
    with transaction.atomic():
        link, created = GuardianLink.objects.get_or_create(guardian=guardian, learner=learner)
        changed = created or bool(GuardianLink.objects.filter(
            pk=link.pk, revoked_at__isnull=False).update(revoked_at=None))
        if changed:
            link.revoked_at = None
            GuardianLinkEvent.objects.create(link=link, action=LinkAction.LINKED, via=via,
                                             actor=actor)
    return link, changed


def parent_register(*, full_name: str, phone: str | None, email: str | None, password: str,
                    code: str, throttle_id: str = "") -> User:
    """A new parent account (username = phone or email) linked to the child in one
    transaction: a bad code creates no account."""
    if not redeem_allowed(throttle_id or "anon"):
        raise LinkCodeInvalid(_("Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau một giờ."))
    try:
        link_code_check(code)
    except LinkCodeInvalid:
        _redeem_failed(throttle_id or "anon")
        raise
    with transaction.atomic():
        username = phone or (email or "").lower() or f"ph-{uuid.uuid4().hex[:10]}"
        try:
            with transaction.atomic():
                user = User.objects.create_user(username=username, email=email or "",
                                                password=password, full_name=full_name,
                                                phone=phone or None)
        except IntegrityError as exc:
            raise ValidationError(_("Số điện thoại hoặc email này đã có tài khoản.")) from exc
        link_code_redeem(guardian=user, code=code, throttle_id=throttle_id)
    return user


def guardian_link_revoke(*, actor, link: GuardianLink) -> None:
    """The parent, or staff managing the child's class, ends a link; access ends at once
    because every check reads `revoked_at`."""
    if actor.pk != link.guardian_id and not can_manage_learner_class(actor, link.learner):
        raise PermissionError(_("Bạn không có quyền hủy liên kết này."))
    with transaction.atomic():
        if GuardianLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
                revoked_at=timezone.now()):
            GuardianLinkEvent.objects.create(link=link, action=LinkAction.REVOKED, actor=actor)


def news_post_create(*, actor, unit, text: str, photos=(), alt: str = "") -> NewsPost:
    from lms.units.capabilities import Capability
    from lms.units.permissions import can_manage_unit

    if not can_manage_unit(actor, unit, Capability.TEACH_CLASSES):
        raise PermissionError(_("Bạn không quản lý lớp này."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Hãy nhập nội dung tin.")})
    if len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": _("Tối đa %(n)s ảnh mỗi tin.") % {"n": MAX_PHOTOS}})
    prepared = []
    for upload in photos:  # validate every photo before writing anything
        try:
            prepared.append(photo_prepare(upload))
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from exc
    return news_post_write(author=actor, unit=unit, text=text, prepared=prepared, alt=alt)


def news_post_write(*, author, unit, text: str, prepared, alt: str = "") -> NewsPost:
    """Stores a checked post and its prepared photos, then announces it after commit."""
    with transaction.atomic():
        post = NewsPost.objects.create(unit=unit, author=author, text=text[:2000])
        for content, width, height in prepared:
            photo = NewsPhoto(post=post, width=width, height=height, alt=alt[:200])
            photo.image.save(f"{uuid.uuid4().hex}.jpg", content, save=False)
            photo.save()
    transaction.on_commit(lambda: _news_notify(post.pk))
    return post


def _news_notify(post_id: int) -> None:
    from .tasks import news_post_notify

    news_post_notify.delay(post_id)


def news_post_remove(*, actor, post: NewsPost) -> None:
    from lms.units.capabilities import Capability
    from lms.units.permissions import can_manage_unit

    if not can_manage_unit(actor, post.unit, Capability.TEACH_CLASSES):
        raise PermissionError(_("Bạn không quản lý lớp này."))
    NewsPost.objects.filter(pk=post.pk, removed_at__isnull=True).update(
        removed_at=timezone.now(), removed_by=actor)


def news_recipients(unit):
    """Learners of the class and the parents linked to them (live links)."""
    from lms.units.models import RoleKind

    learners = User.objects.filter(roles__unit=unit, roles__kind=RoleKind.LEARNER,
                                   roles__ended_at__isnull=True)
    parents = User.objects.filter(children_links__learner__in=learners,
                                  children_links__revoked_at__isnull=True)
    return learners.distinct(), parents.distinct()


__all__ = ["learner_class_units"]
