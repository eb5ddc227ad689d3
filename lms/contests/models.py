"""Contests in rounds that follow the unit tree. A round is (contest, level = UnitKind); a
RoundUnit is one unit at that level running its own judging (each school its school round, each
district office its district round...). An entry (a team's idea) enters the first round at its
school's round unit and climbs, through promotion, to the nearest ancestor unit holding a later
round, so branches that lack a level (Đồng Nai: no district office) simply skip it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.units.models import Unit, UnitKind

from .files import contest_storage, contest_upload_to


class Normalisation(models.TextChoices):
    RAW = "raw", _("Điểm trung bình thô")
    ZSCORE = "zscore", _("Chuẩn hóa z-score theo giám khảo")


class Contest(models.Model):
    title = models.CharField(_("tên cuộc thi"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    description = models.TextField(_("giới thiệu"), blank=True)
    organiser_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="contests",
                                       verbose_name=_("đơn vị tổ chức"))
    team_min = models.PositiveSmallIntegerField(_("số thành viên tối thiểu"), default=1)
    team_max = models.PositiveSmallIntegerField(_("số thành viên tối đa"), default=5)
    is_published = models.BooleanField(_("hiển thị công khai"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class Round(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds",
                                verbose_name=_("cuộc thi"))
    order = models.PositiveSmallIntegerField(_("thứ tự vòng"))
    name = models.CharField(_("tên vòng"), max_length=120)
    level = models.ForeignKey(UnitKind, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("cấp tổ chức"))
    submission_deadline = models.DateTimeField(_("hạn nộp bài"))
    judging_deadline = models.DateTimeField(_("hạn chấm"))
    results_date = models.DateTimeField(_("ngày công bố kết quả"))
    promote_count = models.PositiveSmallIntegerField(
        _("số bài mỗi đơn vị được chọn đi tiếp / đạt giải"), default=3)
    normalisation = models.CharField(_("cách tổng hợp điểm"), max_length=10,
                                     choices=Normalisation.choices, default=Normalisation.ZSCORE)

    class Meta:
        ordering = ["contest", "order"]
        verbose_name = _("vòng thi")
        verbose_name_plural = _("vòng thi")
        constraints = [
            models.UniqueConstraint(fields=["contest", "order"], name="contest_round_order"),
            models.UniqueConstraint(fields=["contest", "level"], name="contest_round_level"),
        ]

    def __str__(self) -> str:
        return f"{self.contest.title} — {self.name}"

    def is_final(self) -> bool:
        return not self.contest.rounds.filter(order__gt=self.order).exists()


class Criterion(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria",
                              verbose_name=_("vòng thi"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tiêu chí"), max_length=120)
    description = models.TextField(_("mô tả"), blank=True)
    weight = models.DecimalField(_("trọng số"), max_digits=5, decimal_places=2, default=1)
    min_score = models.PositiveSmallIntegerField(_("điểm thấp nhất"), default=0)
    max_score = models.PositiveSmallIntegerField(_("điểm cao nhất"), default=10)

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("tiêu chí chấm")
        verbose_name_plural = _("tiêu chí chấm")

    def __str__(self) -> str:
        return self.name


class RoundUnit(models.Model):
    """One unit's judging of one round. Created when its first entry arrives."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="round_units",
                              verbose_name=_("vòng thi"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị"))
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["round__order", "unit__name"]
        verbose_name = _("vòng thi tại đơn vị")
        verbose_name_plural = _("vòng thi tại đơn vị")
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="round_unit_unique")]

    def __str__(self) -> str:
        return f"{self.round.name} — {self.unit.name}"


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã nộp")


class Entry(models.Model):
    """A team's idea. Members, mentor and content belong to the entry (one team, one idea)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries",
                                verbose_name=_("cuộc thi"))
    school = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("trường"))
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="mentored_entries",
                               verbose_name=_("giáo viên hướng dẫn"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    status = models.CharField(_("trạng thái"), max_length=12, choices=EntryStatus.choices,
                              default=EntryStatus.DRAFT)
    title = models.CharField(_("tên ý tưởng"), max_length=200)
    summary = models.TextField(_("tóm tắt"), blank=True)
    problem = models.TextField(_("vấn đề cần giải quyết"), blank=True)
    solution = models.TextField(_("giải pháp"), blank=True)
    market = models.TextField(_("thị trường và khách hàng"), blank=True)
    team_info = models.TextField(_("giới thiệu nhóm"), blank=True)
    video_url = models.URLField(_("đường dẫn video"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("lưu lần cuối"), auto_now=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("bài dự thi")
        verbose_name_plural = _("bài dự thi")

    def __str__(self) -> str:
        return self.title


class EntryMember(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="contest_memberships")
    # Copied from the entry so "one team per learner per contest" is a database constraint.
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="one_entry_per_contest"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.entry}"


class BudgetLine(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="budget_lines")
    order = models.PositiveSmallIntegerField(default=0)
    item = models.CharField(_("khoản mục"), max_length=200)
    quantity = models.PositiveIntegerField(_("số lượng"), default=1)
    unit_cost = models.PositiveBigIntegerField(_("đơn giá (đồng)"), default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.item

    @property
    def total(self) -> int:
        return self.quantity * self.unit_cost


class AttachmentKind(models.TextChoices):
    PITCH_DECK = "pitch_deck", _("Bài thuyết trình (PDF)")
    IMAGE = "image", _("Hình ảnh")


class Attachment(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=12, choices=AttachmentKind.choices)
    file = models.FileField(storage=contest_storage, upload_to=contest_upload_to, max_length=255)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.original_name


class EntryRound(models.Model):
    """An entry competing in one round at one round unit, with the published outcome."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="rounds")
    round_unit = models.ForeignKey(RoundUnit, on_delete=models.CASCADE,
                                   related_name="entry_rounds")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    arrived_at = models.DateTimeField(auto_now_add=True)
    raw_mean = models.FloatField(null=True, blank=True)
    final_score = models.FloatField(null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)
    promoted = models.BooleanField(default=False)
    prize = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["round__order", "rank", "pk"]
        constraints = [models.UniqueConstraint(fields=["entry", "round"],
                                               name="entry_once_per_round")]

    def __str__(self) -> str:
        return f"{self.entry} — {self.round_unit}"


class JudgeAssignment(models.Model):
    round_unit = models.ForeignKey(RoundUnit, on_delete=models.CASCADE,
                                   related_name="assignments")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="contest_assignments", verbose_name=_("giám khảo"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round_unit", "judge"],
                                               name="judge_once_per_round_unit")]

    def __str__(self) -> str:
        return f"{self.judge} — {self.round_unit}"


class ScoreSheet(models.Model):
    """One judge's scores for one entry in one round. Other judges never see it."""

    entry_round = models.ForeignKey(EntryRound, on_delete=models.CASCADE, related_name="sheets")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="+")
    comment = models.TextField(_("nhận xét"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry_round", "judge"],
                                               name="one_sheet_per_judge")]

    def __str__(self) -> str:
        return f"{self.judge} — {self.entry_round}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("điểm"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"],
                                               name="one_score_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"
