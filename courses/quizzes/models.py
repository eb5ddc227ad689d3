"""Question bank (per course), quiz attempts and each learner's best result.

A quiz lives in a lesson as a StreamField block (courses.blocks.QuizBlock): the block holds the
settings, the bank holds the questions. An attempt snapshots what it needs (questions drawn, the
order options were shown in, pass mark, deadline) so later edits never change a past attempt."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Một lựa chọn")
    MULTIPLE = "multiple", _("Nhiều lựa chọn")
    TRUE_FALSE = "true_false", _("Đúng / Sai")
    SHORT = "short", _("Trả lời ngắn")
    MATCHING = "matching", _("Ghép nối")
    ORDERING = "ordering", _("Sắp xếp thứ tự")


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Dễ")
    MEDIUM = 2, _("Trung bình")
    HARD = 3, _("Khó")


class Question(ClusterableModel):
    """One question of a course's bank. Its options (QuestionOption) carry the answer key:
    `is_correct` for choices and true/false, accepted answers for short answer, the right-hand
    side in `match_text` for matching, and the correct order (sort_order) for ordering."""

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="questions", verbose_name=_("khóa học"))
    qtype = models.CharField(_("loại câu hỏi"), max_length=12, choices=QuestionType.choices,
                             default=QuestionType.SINGLE)
    text = models.TextField(_("câu hỏi"))
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("hình minh họa"))
    tags = models.CharField(_("thẻ"), max_length=200, blank=True,
                            help_text=_("Cách nhau bởi dấu phẩy."))
    difficulty = models.PositiveSmallIntegerField(_("độ khó"), choices=Difficulty.choices,
                                                  default=Difficulty.MEDIUM)
    accent_insensitive = models.BooleanField(
        _("chấp nhận không dấu"), default=True,
        help_text=_("Trả lời ngắn: “khoi nghiep” được chấm đúng như “khởi nghiệp”."))
    explanation = models.TextField(_("giải thích (hiện sau khi nộp)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("qtype"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("tags"),
        FieldPanel("difficulty"),
        FieldPanel("accent_insensitive"),
        FieldPanel("explanation"),
        InlinePanel("options", label=_("Phương án / đáp án"), min_num=1),
    ]

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("ngân hàng câu hỏi")
        indexes = [models.Index(fields=["course", "qtype"], name="question_course_type_idx")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class QuestionOption(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("nội dung"), max_length=500)
    is_correct = models.BooleanField(_("đúng"), default=False)
    match_text = models.CharField(_("vế ghép (câu ghép nối)"), max_length=500, blank=True)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("match_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("phương án")
        verbose_name_plural = _("phương án")

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    """One try at a lesson's quiz. Submitted once: the conditional UPDATE on submitted_at decides
    which request grades it; a learner has at most one open attempt per lesson."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="quiz_attempts", verbose_name=_("người học"))
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE,
                               related_name="quiz_attempts", verbose_name=_("bài học"))
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="quiz_attempts")
    block_id = models.CharField(max_length=64, blank=True)
    number = models.PositiveSmallIntegerField(_("lần thứ"))
    started_at = models.DateTimeField(_("bắt đầu"))
    deadline = models.DateTimeField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    expired = models.BooleanField(_("hết giờ"), default=False)
    pass_mark = models.PositiveSmallIntegerField(_("điểm đạt (%)"))
    score_percent = models.PositiveSmallIntegerField(_("điểm (%)"), null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(default=0)
    question_count = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(_("đạt"), default=False)

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = _("lượt làm bài")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "number"],
                                    name="quiz_attempt_number_unique"),
            models.UniqueConstraint(fields=["user", "lesson"],
                                    condition=Q(submitted_at__isnull=True),
                                    name="quiz_attempt_one_open"),
        ]
        indexes = [models.Index(fields=["lesson", "submitted_at"], name="attempt_lesson_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class AttemptAnswer(models.Model):
    """A drawn question in an attempt. `option_order` is the shown order of option ids (and,
    for matching, `match_order` the shown order of right-hand sides): the browser only ever sees
    positions in these lists, never option ids, so nothing leaks the key."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    option_order = models.JSONField(default=list)
    match_order = models.JSONField(default=list)
    response = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    is_correct = models.BooleanField(null=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="attempt_answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position}"


class QuizResult(models.Model):
    """A learner's best score on a lesson's quiz (kept at its maximum) and when they first
    passed; what progress, reports and certificates read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="quiz_results")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE,
                               related_name="quiz_results")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="quiz_results")
    best_percent = models.PositiveSmallIntegerField(_("điểm cao nhất (%)"), default=0)
    attempts_used = models.PositiveSmallIntegerField(_("số lượt đã làm"), default=0)
    passed_at = models.DateTimeField(_("đạt lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả bài kiểm tra")
        verbose_name_plural = _("kết quả bài kiểm tra")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="quiz_result_unique"),
        ]
        indexes = [models.Index(fields=["user", "course"], name="quiz_result_user_course_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson}: {self.best_percent}%"
