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
