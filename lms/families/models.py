"""Families: one-time link codes that join a parent account to a learner, and class news.

A link code is shown once to the teacher; only its SHA-256 is stored (the code has ~50 bits
of entropy and expires, so a hash without salt is enough and lets redemption be one lookup)."""

from typing import cast

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCode(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="+", verbose_name=_("học sinh"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+", verbose_name=_("người tạo"))
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn"))
    used_at = models.DateTimeField(_("đã dùng lúc"), null=True, blank=True)
    used_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("phụ huynh"))

    class Meta:
        verbose_name = _("mã liên kết phụ huynh")
        verbose_name_plural = _("mã liên kết phụ huynh")

    def __str__(self) -> str:
        return f"{self.learner} ({self.expires_at:%d/%m/%Y})"


class NewsPost(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="news_posts",
                             verbose_name=_("lớp"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+", verbose_name=_("người đăng"))
    text = models.TextField(_("nội dung"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("tin lớp")
        verbose_name_plural = _("tin lớp")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["unit", "created_at"], name="news_unit_created_idx")]

    def __str__(self) -> str:
        return self.text[:60]


class NewsPhoto(models.Model):
    """Stored already resized and re-encoded as JPEG without any metadata (no EXIF, no GPS)."""

    post = models.ForeignKey(NewsPost, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="class-news/%Y/%m/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    alt = models.CharField(_("mô tả ảnh"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ảnh tin lớp")
        verbose_name_plural = _("ảnh tin lớp")

    def __str__(self) -> str:
        return cast(str, self.image.name)


class LinkVia(models.TextChoices):
    CODE = "code", _("mã liên kết")
    ADMIN = "admin", _("quản trị trường")


class LinkAction(models.TextChoices):
    LINKED = "linked", _("đã liên kết")
    REVOKED = "revoked", _("đã hủy liên kết")


class GuardianLinkEvent(models.Model):
    """Audit of a parent–learner link: who linked or revoked it, when and how. GuardianLink
    itself keeps only created_at/revoked_at (it is another app's model), so history lives here."""

    link = models.ForeignKey("accounts.GuardianLink", on_delete=models.CASCADE,
                             related_name="events", verbose_name=_("liên kết"))
    action = models.CharField(_("thao tác"), max_length=10, choices=LinkAction.choices)
    via = models.CharField(_("cách thức"), max_length=10, choices=LinkVia.choices, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              related_name="+", verbose_name=_("người thực hiện"))
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử liên kết phụ huynh")
        verbose_name_plural = _("lịch sử liên kết phụ huynh")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.link_id} {self.action} {self.at:%d/%m/%Y %H:%M}"


class SignInChannel(models.TextChoices):
    SMS = "sms", _("Tin nhắn SMS")
    EMAIL = "email", _("Email")


class SignInPurpose(models.TextChoices):
    TWO_STEP = "two_step", _("đăng nhập hai bước")
    CODE_LOGIN = "code_login", _("đăng nhập bằng mã")
    PASSWORD_RESET = "reset", _("đặt lại mật khẩu")
    REAUTH = "reauth", _("xác nhận lại danh tính")


class SignInPreference(models.Model):
    """A user's choice of two-step sign-in (a code after the password). No row = off."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="sign_in_preference")
    two_step = models.BooleanField(_("đăng nhập hai bước"), default=False)
    channel = models.CharField(_("nhận mã qua"), max_length=5, choices=SignInChannel.choices,
                               default=SignInChannel.SMS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cài đặt đăng nhập")
        verbose_name_plural = _("cài đặt đăng nhập")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.two_step}/{self.channel}"


class SignInCode(models.Model):
    """A 6-digit one-time sign-in code. Only an HMAC-SHA256 (keyed by SECRET_KEY, bound to the
    user and purpose) is stored: a database dump does not give usable codes, and 10^6 codes
    cannot be brute-forced offline without the key. Single use, 10 minutes, 5 attempts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    purpose = models.CharField(max_length=12, choices=SignInPurpose.choices)
    channel = models.CharField(max_length=5, choices=SignInChannel.choices)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("mã đăng nhập một lần")
        verbose_name_plural = _("mã đăng nhập một lần")
        indexes = [models.Index(fields=["user", "purpose", "created_at"],
                                name="signin_code_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.created_at:%d/%m %H:%M}"


class RecoveryCode(models.Model):
    """A one-time recovery code for two-step sign-in (for a lost phone or mailbox). Ten are made
    at a time and shown once; only an HMAC-SHA256 (keyed by SECRET_KEY, bound to the user) is
    stored, as for sign-in codes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã dự phòng")
        verbose_name_plural = _("mã dự phòng")
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"],
                                               name="recovery_code_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%d/%m/%Y} {'used' if self.used_at else 'live'}"
