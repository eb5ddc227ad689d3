"""Questions on a lesson (Hỏi đáp): a learner asks on a lesson, teachers and classmates answer,
the asker or a teacher accepts one answer; anyone taking part may report a post; teachers hide
and restore posts.

Every question belongs to ONE class (`unit`, the asker's class when they asked) and is seen only
inside it: the class's learners enrolled in the course and the teachers over the class. There is
no private message of any kind: every post is public to the class (docs/features/discussions.md).
Texts are plain text, shown escaped (links are not made active)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

QUESTION_MAX = 1500
ANSWER_MAX = 2000
REASON_MAX = 300


class Question(models.Model):
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE,
                               related_name="+", verbose_name=_("bài học"))
    # The lesson's course, kept so "enrolled in the course" needs no page-tree walk.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="+")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("lớp"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+", verbose_name=_("người hỏi"))
    text = models.TextField(_("câu hỏi"), max_length=QUESTION_MAX)
    accepted_answer = models.ForeignKey("Answer", on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["lesson", "unit", "-created_at"],
                                name="question_lesson_unit_idx")]

    def __str__(self) -> str:
        return self.text[:60]


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+", verbose_name=_("người trả lời"))
    text = models.TextField(_("câu trả lời"), max_length=ANSWER_MAX)
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ReportState(models.TextChoices):
    OPEN = "open", _("Chờ xử lý")
    HIDDEN = "hidden", _("Đã ẩn bài")
    DISMISSED = "dismissed", _("Đã bỏ qua")


class Report(models.Model):
    """One person's report of one post: the question (`answer` empty) or one of its answers.
    Reporting the same post again changes nothing (unique per reporter and post)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")
    reason = models.CharField(_("lý do"), max_length=REASON_MAX, blank=True)
    state = models.CharField(max_length=10, choices=ReportState.choices,
                             default=ReportState.OPEN, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("báo cáo vi phạm")
        verbose_name_plural = _("báo cáo vi phạm")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["reporter", "question"],
                                    condition=models.Q(answer__isnull=True),
                                    name="report_one_per_question"),
            models.UniqueConstraint(fields=["reporter", "answer"],
                                    condition=models.Q(answer__isnull=False),
                                    name="report_one_per_answer"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}:{self.answer_id}:{self.reporter_id}"
