"""Targets and the pre-aggregated counters every report reads.

A Target counts a population (learners in a unit's subtree matching filters) and how many of
them are trained. `TargetLearner` holds one row per (target, learner) with the learner's class
and split keys; `TargetUnitCounter` holds, for every unit from the target's unit down to the
class, population/trained per split (sex × minority × household). Dashboards read counters only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.common.jobs import BuiltFile


class TrainedRule(models.TextChoices):
    COURSE = "course", _("Hoàn thành một trong các khóa học đã chọn")
    PROGRAMME = "programme", _("Hoàn thành khóa học thuộc chương trình")
    CERTIFICATE = "certificate", _("Được cấp chứng chỉ")
    EMPLOYED = "employed", _("Có việc làm sau đào tạo")


class PopulationKind(models.TextChoices):
    """Who a target counts: learners (class memberships) or teachers (teacher roles)."""

    LEARNERS = "learners", _("Người học")
    TEACHERS = "teachers", _("Giáo viên")


class HouseholdFilter(models.TextChoices):
    ANY = "any", _("Mọi hộ gia đình")
    POOR = "poor", _("Hộ nghèo")
    POOR_OR_NEAR_POOR = "poor_near", _("Hộ nghèo và cận nghèo")


class ThresholdKind(models.TextChoices):
    PERCENT = "percent", _("Tỷ lệ phần trăm")
    ABSOLUTE = "absolute", _("Số người")


class Target(models.Model):
    code = models.SlugField(_("mã chỉ tiêu"), max_length=60)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="targets",
                             verbose_name=_("đơn vị áp dụng"))
    population = models.CharField(_("đối tượng"), max_length=10, choices=PopulationKind.choices,
                                  default=PopulationKind.LEARNERS)
    # Population filters; empty means "no filter".
    school_levels = models.JSONField(_("cấp học"), default=list, blank=True)
    grades = models.JSONField(_("khối lớp"), default=list, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("năm tốt nghiệp"), null=True, blank=True)
    household = models.CharField(_("hộ gia đình"), max_length=10, choices=HouseholdFilter.choices,
                                 default=HouseholdFilter.ANY)
    age_min = models.PositiveSmallIntegerField(_("tuổi từ"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("tuổi đến"), null=True, blank=True)
    # What counts as trained.
    rule = models.CharField(_("điều kiện đạt"), max_length=12, choices=TrainedRule.choices,
                            default=TrainedRule.COURSE)
    courses = models.ManyToManyField("courses.CoursePage", blank=True, related_name="+",
                                     verbose_name=_("khóa học"))
    programme = models.ForeignKey("courses.Programme", null=True, blank=True,
                                  on_delete=models.PROTECT, verbose_name=_("chương trình"))
    min_courses = models.PositiveSmallIntegerField(_("số khóa tối thiểu"), default=1)
    threshold_kind = models.CharField(_("loại ngưỡng"), max_length=10,
                                      choices=ThresholdKind.choices,
                                      default=ThresholdKind.PERCENT)
    threshold = models.DecimalField(_("ngưỡng"), max_digits=10, decimal_places=2)
    period_label = models.CharField(_("kỳ"), max_length=40)
    period_start = models.DateField(_("bắt đầu kỳ"))
    period_end = models.DateField(_("kết thúc kỳ"))
    deadline = models.DateField(_("hạn báo cáo"), null=True, blank=True)
    lead_unit = models.ForeignKey("units.Unit", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("đơn vị chủ trì"))
    cooperating_units = models.ManyToManyField("units.Unit", blank=True, related_name="+",
                                               verbose_name=_("đơn vị phối hợp"))
    notes = models.TextField(_("ghi chú"), blank=True)
    source = models.CharField(_("văn bản"), max_length=200, blank=True)
    is_active = models.BooleanField(_("đang theo dõi"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["unit", "code", "period_label"],
                                               name="target_unique_code_period")]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_label})"


class TargetLearner(models.Model):
    """A learner counted by a target: where they count now and whether they are trained."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="learners")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="+")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    sex = models.CharField(max_length=1, blank=True)
    # Derived from `ethnicity`: None when the ethnic group is not recorded (neither Kinh nor
    # minority). Empty split values always mean "not recorded".
    minority = models.BooleanField(null=True, default=None)
    ethnicity = models.CharField(max_length=2, blank=True)  # lms.accounts Ethnicity code
    household = models.CharField(max_length=10, blank=True)
    school_level = models.CharField(max_length=32, blank=True)
    trained = models.BooleanField(default=False)
    trained_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "learner"],
                                               name="target_learner_unique")]
        indexes = [models.Index(fields=["target", "unit", "trained"], name="tl_target_unit_idx")]

    def __str__(self) -> str:
        return f"{self.learner_id} @ {self.target_id}"


class TargetUnitCounter(models.Model):
    """Population and trained learners of one split (sex × ethnic group × household × school
    level; `minority` is derived from the group, None when the group is not recorded) of one
    unit's subtree, for one target. A unit gets rows only for the groups that occur in its
    subtree. An empty split value means "not recorded" and is reported as its own group."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="counters")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    sex = models.CharField(max_length=1, blank=True)
    minority = models.BooleanField(null=True, default=None)  # None: ethnicity not recorded
    ethnicity = models.CharField(max_length=2, blank=True)
    household = models.CharField(max_length=10, blank=True)
    school_level = models.CharField(max_length=32, blank=True)
    population = models.IntegerField(default=0)
    trained = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            # `minority` is a function of `ethnicity` (and may be NULL), so it is left out.
            fields=["target", "unit", "sex", "ethnicity", "household", "school_level"],
            name="counter_split_unique")]

    def __str__(self) -> str:
        return f"{self.target_id}/{self.unit_id}: {self.trained}/{self.population}"


class TargetSnapshot(models.Model):
    """Weekly totals per target and unit, for trend lines."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="snapshots")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    taken_on = models.DateField()
    population = models.IntegerField()
    trained = models.IntegerField()

    class Meta:
        ordering = ["taken_on"]
        constraints = [models.UniqueConstraint(fields=["target", "unit", "taken_on"],
                                               name="snapshot_unique")]

    def __str__(self) -> str:
        return f"{self.target_id}/{self.unit_id} {self.taken_on}"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt")


class ReportSubmission(models.Model):
    """A unit's period report, frozen at submission: later counter changes never alter it."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    period_label = models.CharField(_("kỳ"), max_length=40)
    status = models.CharField(_("trạng thái"), max_length=10, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.SUBMITTED)
    figures = models.JSONField(_("số liệu"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField()
    deadline = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "period_label"],
                                               name="submission_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period_label}"

    @property
    def on_time(self) -> bool:
        return self.deadline is None or self.submitted_at.date() <= self.deadline


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", "XLSX"
    CSV = "csv", "CSV"
    PDF = "pdf", "PDF"


class ExportJob(BuiltFile):
    """An export on demand (requested_by, only they download it) or an annual report prepared
    ahead of a target's deadline (`target` set, no requester: the unit's managers download it)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="prepared_reports")
    period_label = models.CharField(max_length=40, blank=True)  # only this period's targets
    fmt = models.CharField(max_length=4, choices=ExportFormat.choices)
    # progress, content, filename, error, created_at, finished_at: BuiltFile

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["unit", "target", "fmt"], condition=models.Q(target__isnull=False),
            name="export_prepared_once")]

    def __str__(self) -> str:
        return self.filename or f"export {self.pk}"


class ReportsState(models.Model):
    """Small named values the scheduled jobs remember (e.g. the unit tree's fingerprint)."""

    name = models.CharField(max_length=60, unique=True)
    value = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name


class ReorganisationSnapshot(models.Model):
    """A target's figure for one unit frozen just before a reorganisation (a move or merge of
    units), under the unit's name and path at that moment: report history keeps what officers
    saw and signed before the tree changed."""

    change = models.ForeignKey("units.UnitChange", on_delete=models.CASCADE,
                               related_name="report_snapshots")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="+")
    target_name = models.CharField(max_length=300)
    period_label = models.CharField(max_length=40)
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    unit_name = models.CharField(max_length=200)
    unit_path = models.CharField(max_length=255)
    population = models.IntegerField()
    trained = models.IntegerField()

    class Meta:
        ordering = ["change", "target_id", "unit_path"]
        constraints = [models.UniqueConstraint(fields=["change", "target", "unit"],
                                               name="reorg_snapshot_unique")]

    def __str__(self) -> str:
        return f"{self.change_id}: {self.target_id}/{self.unit_name}"
