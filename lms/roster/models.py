"""A roster import: the uploaded file, its column mapping, the preview, and the commit's
progress and outcome. Learners missing from a new file are flagged (MissingLearner), never
deleted."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def roster_file_path(instance, filename: str) -> str:
    """Roster files hold personal data: each goes under an unguessable folder, so a media URL
    cannot be guessed; downloads go through views that check the importer's rights."""
    return f"roster/{uuid.uuid4().hex}/{filename}"


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Đã tải lên")
    PREVIEWING = "previewing", _("Đang đọc tệp")
    PREVIEWED = "previewed", _("Đã xem trước")
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Thất bại")


class RosterImport(models.Model):
    school = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("trường"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("tệp"), upload_to=roster_file_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    file_kind = models.CharField(max_length=4, blank=True)
    school_year = models.CharField(_("năm học"), max_length=9, blank=True)
    # Field key → column index, chosen in the mapping step (guessed from the headers first).
    mapping = models.JSONField(default=dict, blank=True)
    headers = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices,
                              default=ImportStatus.UPLOADED)
    # While a large file is being previewed (status PREVIEWING), total_rows holds the estimated
    # row count and processed_rows the rows read so far (the progress bar); the preview then
    # writes the real counts.
    total_rows = models.PositiveIntegerField(default=0)
    valid_rows = models.PositiveIntegerField(default=0)
    error_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    missing_count = models.PositiveIntegerField(default=0)
    new_classes = models.JSONField(default=list, blank=True)
    # The first errors, for the preview page: [{"row": n, "column": label, "message": text}]
    errors_sample = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)
    error_report = models.FileField(upload_to=roster_file_path, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("các lần nhập danh sách")

    def __str__(self) -> str:
        return f"{self.original_name} → {self.school}"

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.PREVIEWING:
            return min(99, round(100 * self.processed_rows / self.total_rows)) \
                if self.total_rows else 0
        if not self.valid_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed_rows / self.valid_rows))

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)

    @property
    def is_previewing(self) -> bool:
        return self.status == ImportStatus.PREVIEWING

    @property
    def in_progress(self) -> bool:
        """A Celery task is working on it (preview of a large file, or the commit)."""
        return self.is_previewing or self.is_running

    @property
    def progress_total(self) -> int:
        return self.total_rows if self.is_previewing else self.valid_rows


class MissingLearner(models.Model):
    """A learner of a class named in the file who is not in the file: flagged for a person to
    decide (moved school, left, or a mistake in the file). Nothing is deleted."""

    roster_import = models.ForeignKey(RosterImport, on_delete=models.CASCADE,
                                      related_name="missing")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    class_unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("học sinh không có trong tệp")
        verbose_name_plural = _("học sinh không có trong tệp")
        constraints = [models.UniqueConstraint(fields=["roster_import", "user", "class_unit"],
                                               name="roster_missing_unique")]

    def __str__(self) -> str:
        return f"{self.user} ∉ {self.roster_import}"
