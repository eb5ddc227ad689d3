"""Certificates: one per learner and course, issued when the course is completed, verifiable by
anyone at /verify/<code>/. Name, course, hours and issuing unit are copied at issue time so a
later rename never changes a certificate already handed out.

An *award* is a certificate without a course (a contest prize, a "learning citizen" title): it
has an `award_key` naming what it recognises (one per learner and key) and a `citation` line; it
shares the code, PDF, verification and revocation of course certificates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="certificates", verbose_name=_("người học"))
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, null=True,
                               blank=True, related_name="certificates",
                               verbose_name=_("khóa học"))
    # Awards only: what is recognised, e.g. "contest:12:prize" or "recognition:citizen:2025".
    award_key = models.CharField(_("khóa danh hiệu"), max_length=100, blank=True)
    citation = models.CharField(_("lời chứng nhận"), max_length=300, blank=True)
    code = models.CharField(_("mã chứng chỉ"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("ngày cấp"))
    learner_name = models.CharField(_("họ và tên"), max_length=150)
    course_title = models.CharField(_("tên khóa học"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("số giờ"), default=0)
    issuing_unit = models.ForeignKey("units.Unit", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="certificates",
                                     verbose_name=_("đơn vị cấp"))
    issuing_unit_name = models.CharField(_("tên đơn vị cấp"), max_length=200, blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to="certificates/%Y/%m/", blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    revoke_reason = models.CharField(_("lý do thu hồi"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("chứng chỉ")
        verbose_name_plural = _("chứng chỉ")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="certificate_unique"),
            models.UniqueConstraint(fields=["user", "award_key"], condition=~models.Q(award_key=""),
                                    name="certificate_award_unique"),
            models.CheckConstraint(condition=models.Q(course__isnull=False)
                                   | ~models.Q(award_key=""), name="certificate_course_or_award"),
        ]
        indexes = [models.Index(fields=["course", "issued_at"], name="certificate_course_idx")]

    def __str__(self) -> str:
        return f"{self.code} — {self.learner_name} — {self.course_title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("certificates:detail", args=[self.code])

    @property
    def is_award(self) -> bool:
        return self.course_id is None

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def verify_path(self) -> str:
        from django.urls import reverse

        return reverse("certificates:verify", args=[self.code])


class IssuerKey(models.Model):
    """An Ed25519 key pair that signs Open Badges 3.0 credentials and status lists (one key ring
    for the instance; every issuing unit's profile publishes it). The newest key without
    `retired_at` signs; a retired key is still published so what it signed keeps verifying;
    a `withdrawn_at` key (compromised) is no longer published, so what it signed fails."""

    kid = models.CharField(_("mã khóa"), max_length=64, unique=True)  # RFC 7638 thumbprint
    public_jwk = models.JSONField(_("khóa công khai (JWK)"))
    # PKCS#8 PEM, encrypted with a password derived from settings (see signing.py).
    private_pem = models.TextField(_("khóa bí mật (mã hóa)"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    retired_at = models.DateTimeField(_("ngừng ký lúc"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("rút bỏ lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa ký huy hiệu")
        verbose_name_plural = _("khóa ký huy hiệu")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.kid
