"""Learning-citizen recognition (seed 003): rules per year and unit, households with dated
membership, and candidates that officers confirm. A confirmed candidate IS the recognition
record (status CONFIRMED, reviewer and date): one row per subject and year, never two."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.units.models import Unit


class RecognitionKind(models.TextChoices):
    CITIZEN = "citizen", _("Công dân học tập")
    FAMILY = "family", _("Gia đình học tập")
    COMMUNITY = "community", _("Cộng đồng học tập")
    UNIT = "unit", _("Đơn vị học tập")


class Combine(models.TextChoices):
    ANY = "any", _("Đạt một trong hai điều kiện")
    ALL = "all", _("Đạt cả hai điều kiện")


class RecognitionRule(models.Model):
    """Criteria for one calendar year, applying to `unit`'s subtree. The nearest ancestor's rule
    wins; with none, rules.DEFAULT applies."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="recognition_rules",
                             verbose_name=_("đơn vị áp dụng"))
    year = models.PositiveSmallIntegerField(_("năm"))
    min_completions = models.PositiveSmallIntegerField(_("số khóa học tối thiểu"), default=2)
    min_hours = models.PositiveSmallIntegerField(_("số giờ học tối thiểu"), default=8)
    combine = models.CharField(_("cách kết hợp"), max_length=3, choices=Combine.choices,
                               default=Combine.ANY)
    family_min_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ thành viên là công dân học tập (%)"), default=70)
    family_min_members = models.PositiveSmallIntegerField(
        _("số công dân học tập tối thiểu trong gia đình"), default=2)
    community_min_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hộ là gia đình học tập của xã/phường (%)"), default=50)
    unit_min_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ người học là công dân học tập của đơn vị (%)"), default=50)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tiêu chí công nhận")
        verbose_name_plural = _("tiêu chí công nhận")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="recognition_rule_unique"),
            models.CheckConstraint(condition=models.Q(family_min_percent__lte=100,
                                                      community_min_percent__lte=100,
                                                      unit_min_percent__lte=100),
                                   name="recognition_rule_percent_lte_100"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"


class Household(models.Model):
    """A household of a commune/ward. Members are linked with join/leave dates."""

    name = models.CharField(_("tên hộ"), max_length=150)
    commune = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="households",
                                verbose_name=_("xã/phường"))
    head = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="headed_households",
                             verbose_name=_("chủ hộ"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")

    def __str__(self) -> str:
        return self.name


class HouseholdMember(models.Model):
    """Membership from `joined_on` until the day before `left_on` (exclusive; open if empty).
    A member without an account has `user` empty and only a name: they count in the household
    but can never be a learning citizen."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members",
                                  verbose_name=_("hộ gia đình"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="household_memberships",
                             verbose_name=_("tài khoản"))
    full_name = models.CharField(_("họ và tên"), max_length=150)
    relation = models.CharField(_("quan hệ với chủ hộ"), max_length=40, blank=True)
    joined_on = models.DateField(_("ngày vào hộ"))
    left_on = models.DateField(_("ngày rời hộ"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên hộ")
        verbose_name_plural = _("thành viên hộ")
        constraints = [
            models.CheckConstraint(condition=models.Q(left_on__isnull=True)
                                   | models.Q(left_on__gt=models.F("joined_on")),
                                   name="household_member_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.household})"


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xét duyệt")
    CONFIRMED = "confirmed", _("Đã công nhận")
    REJECTED = "rejected", _("Không công nhận")


class Candidate(models.Model):
    """One subject (person, household or unit) proposed for one title in one year. `subject_key`
    ("citizen:2025:<user id>") is unique, so re-running an evaluation never creates it twice."""

    kind = models.CharField(_("danh hiệu"), max_length=10, choices=RecognitionKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    subject_key = models.CharField(max_length=60, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="recognition_candidates")
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="candidates")
    subject_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="recognition_candidates")
    # Who may review it: officers/school admins over this unit's subtree. Counts use it too.
    scope_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("đơn vị"))
    # The commune/ward whose public list shows it (none: not listed publicly).
    commune = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", verbose_name=_("xã/phường"))
    display_name = models.CharField(_("tên"), max_length=200)
    completions = models.PositiveSmallIntegerField(_("số khóa học hoàn thành"), default=0)
    hours = models.PositiveIntegerField(_("số giờ học"), default=0)
    percent = models.PositiveSmallIntegerField(_("tỷ lệ (%)"), default=0)
    evidence = models.JSONField(_("căn cứ"), default=dict, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=CandidateStatus.choices,
                              default=CandidateStatus.PENDING)
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("ngày xét duyệt"), null=True, blank=True)
    certificate = models.ForeignKey("certificates.Certificate", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đề xuất công nhận")
        verbose_name_plural = _("đề xuất công nhận")
        ordering = ["kind", "display_name"]
        indexes = [
            models.Index(fields=["year", "status"], name="recog_cand_year_status_idx"),
            models.Index(fields=["commune", "year"], name="recog_cand_commune_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}: {self.display_name}"
