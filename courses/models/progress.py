"""Enrolment and progress. Progress rows only move forward (see services.progress_record)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Tự đăng ký")
    CLASS = "class", _("Giáo viên ghi danh cả lớp")
    ADMIN = "admin", _("Quản trị ghi danh")
    IMPORT = "import", _("Nhập danh sách")


class Enrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="enrolments", verbose_name=_("người học"))
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="enrolments", verbose_name=_("khóa học"))
    source = models.CharField(_("nguồn"), max_length=10, choices=EnrolmentSource.choices,
                              default=EnrolmentSource.SELF)
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    # The class the learner was enrolled through, so a teacher's class view can find them.
    via_unit = models.ForeignKey("units.Unit", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_lesson = models.ForeignKey("courses.LessonPage", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ghi danh")
        verbose_name_plural = _("ghi danh")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.course}"


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE,
                               related_name="progress_rows")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="lesson_progress_rows")
    percent = models.PositiveSmallIntegerField(_("phần trăm"), default=0)
    started_at = models.DateTimeField(_("bắt đầu"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("hoạt động gần nhất"), auto_now=True)
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    time_spent_seconds = models.PositiveIntegerField(_("thời gian học (giây)"), default=0)
    source = models.CharField(max_length=20, default="page")

    class Meta:
        verbose_name = _("tiến độ bài học")
        verbose_name_plural = _("tiến độ bài học")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_progress_unique"),
            models.CheckConstraint(condition=models.Q(percent__lte=100),
                                   name="lesson_progress_percent_lte_100"),
        ]
        indexes = [models.Index(fields=["user", "course"], name="progress_user_course_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson}: {self.percent}%"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class CourseCompletion(models.Model):
    """Created once, when the learner's last required lesson completes. Never removed by a
    later change to the course: the learner was trained when they completed it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="course_completions")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE,
                               related_name="completions")
    completed_at = models.DateTimeField(_("hoàn thành lúc"))

    class Meta:
        verbose_name = _("hoàn thành khóa học")
        verbose_name_plural = _("hoàn thành khóa học")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="course_completion_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ✓ {self.course}"
