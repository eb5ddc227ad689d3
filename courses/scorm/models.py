"""SCORM packages (a Wagtail snippet teachers upload) and learners' attempts at them.

Files live under SCORM_ROOT/packages/<sha256>/, so the same zip uploaded twice (by two teachers,
under two titles) is unpacked once. An attempt keeps each SCO's runtime data as the player
(scorm-again) serialises it, plus the few values the server reads from it: statuses, score,
location, time, and the last commit sequence that makes commits idempotent."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import ScormPackageForm


class ScormVersion(models.TextChoices):
    SCORM_12 = "1.2", "SCORM 1.2"
    SCORM_2004 = "2004", "SCORM 2004"


class ScormPackage(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True, editable=False)
    version = models.CharField(_("phiên bản SCORM"), max_length=4, choices=ScormVersion.choices,
                               editable=False)
    edition = models.CharField(_("ấn bản"), max_length=8, blank=True, editable=False)
    # manifest.parse_manifest's structure: organisations, items, the SCOs to launch.
    manifest = models.JSONField(_("imsmanifest.xml"), default=dict, editable=False)
    size_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    file_count = models.PositiveIntegerField(default=0, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gói SCORM")
        verbose_name_plural = _("gói SCORM")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def version_label(self) -> str:
        if self.version == ScormVersion.SCORM_12:
            return "SCORM 1.2"
        return f"SCORM 2004 {self.edition}".strip() + (" Edition" if self.edition else "")

    @property
    def scos(self) -> list[dict]:
        return list(self.manifest.get("scos") or [])

    # The admin form takes the zip upload and validates it before anything is stored.
    base_form_class = ScormPackageForm


class AttemptStatus(models.TextChoices):
    NOT_ATTEMPTED = "not attempted", _("chưa học")
    INCOMPLETE = "incomplete", _("đang học")
    COMPLETED = "completed", _("đã hoàn thành")


class SuccessStatus(models.TextChoices):
    UNKNOWN = "unknown", _("chưa rõ")
    PASSED = "passed", _("đạt")
    FAILED = "failed", _("chưa đạt")


class ScormAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="scorm_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE,
                               related_name="scorm_attempts")
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField(default=1)
    # The xAPI registration of this attempt: every statement about it carries it.
    registration = models.UUIDField(default=uuid.uuid4, editable=False)
    # {sco identifier: {"cmi": {...}, "total_seconds": int, "completion": str, "success": str,
    #  "score_scaled": float | None, "exit": str}}
    runtime = models.JSONField(default=dict)
    completion_status = models.CharField(max_length=16, choices=AttemptStatus.choices,
                                         default=AttemptStatus.NOT_ATTEMPTED)
    success_status = models.CharField(max_length=8, choices=SuccessStatus.choices,
                                      default=SuccessStatus.UNKNOWN)
    score_scaled = models.FloatField(null=True, blank=True)
    current_sco = models.CharField(max_length=255, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    total_seconds = models.PositiveIntegerField(default=0)
    last_seq = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lần học SCORM")
        verbose_name_plural = _("lần học SCORM")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "package", "number"],
                                    name="scorm_attempt_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.package_id} · {self.number}"
