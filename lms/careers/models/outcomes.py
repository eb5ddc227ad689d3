"""What trainees do after training, self-reported or recorded by their school. A learner keeps a
history; the latest row (by date, then time recorded) is their current status."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutcomeStatus(models.TextChoices):
    EMPLOYED = "employed", _("Có việc làm")
    SELF_EMPLOYED = "self_employed", _("Tự tạo việc làm / khởi nghiệp")
    STUDYING = "studying", _("Đang học tiếp")
    SEEKING = "seeking", _("Đang tìm việc")


EMPLOYED_STATUSES = (OutcomeStatus.EMPLOYED, OutcomeStatus.SELF_EMPLOYED)


class OutcomeSource(models.TextChoices):
    SELF = "self", _("Người học tự khai")
    SCHOOL = "school", _("Nhà trường ghi nhận")


class EmploymentOutcome(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="employment_outcomes", verbose_name=_("người học"))
    status = models.CharField(_("tình trạng"), max_length=16, choices=OutcomeStatus.choices)
    employer_name = models.CharField(_("nơi làm việc / nơi học"), max_length=200, blank=True)
    occupation = models.ForeignKey("careers.Occupation", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("nghề"))
    date = models.DateField(_("tính từ ngày"), default=timezone.localdate)
    source = models.CharField(_("nguồn"), max_length=8, choices=OutcomeSource.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("người ghi nhận"))
    # When the row was recorded or last changed: the time reports see in employed_events().
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), default=timezone.now)

    class Meta:
        ordering = ["-date", "-recorded_at", "-pk"]
        verbose_name = _("tình trạng việc làm sau đào tạo")
        verbose_name_plural = _("tình trạng việc làm sau đào tạo")
        # One row per learner, day and source: a repeated report the same day updates it.
        constraints = [models.UniqueConstraint(fields=["learner", "date", "source"],
                                               name="careers_outcome_per_day_source")]
        indexes = [models.Index(fields=["learner", "-date", "-recorded_at"],
                                name="careers_outcome_latest_idx")]

    def __str__(self) -> str:
        return f"{self.learner} — {self.get_status_display()} ({self.date})"

    @property
    def counts_as_employed(self) -> bool:
        return self.status in EMPLOYED_STATUSES
