"""A class's assignments and the learners' hand-ins.

An `Assignment` belongs to one class (a `Unit` of a class kind), for every current learner of
the class or for the learners chosen (`assignees`). Each learner has at most one `Submission`
per assignment (unique): handing in again replaces its text and files until the due time.
Scores are on the 10-point scale Vietnamese schools use (0–10, two decimals at most)."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .files import classroom_storage, upload_to

SCORE_MAX = Decimal("10")


class Assignment(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="assignments",
                             verbose_name=_("lớp"))
    title = models.CharField(_("tên bài tập"), max_length=200)
    instructions = models.TextField(_("hướng dẫn"), blank=True)
    due_at = models.DateTimeField(_("hạn nộp"), db_index=True)
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name=_("bài học"))
    for_everyone = models.BooleanField(_("giao cho cả lớp"), default=True)
    assignees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                       verbose_name=_("học sinh được giao"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The rubric (rubrics.py): [{"title": …, "levels": [{"label": …, "points": "4"}, …]}, …];
    # empty: the teacher types the score. A small document edited as a whole.
    rubric = models.JSONField(_("tiêu chí chấm"), default=list, blank=True)
    # Per-learner due times: {"<learner id>": "<ISO datetime>"}; read with `due_for` (kept on
    # the row so the gradebook costs no extra query).
    extensions = models.JSONField(_("gia hạn"), default=dict, blank=True)

    class Meta:
        verbose_name = _("bài tập")
        verbose_name_plural = _("bài tập")
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["unit", "due_at"], name="assignment_unit_due_idx")]

    def __str__(self) -> str:
        return self.title

    def due_for(self, learner_id: int | None) -> dt.datetime:
        """The learner's due time: their extension if the teacher gave one, else the
        assignment's."""
        extended = self.extensions.get(str(learner_id)) if self.extensions else None
        return dt.datetime.fromisoformat(extended) if extended else self.due_at


class StoredFile(models.Model):
    """A file kept in the class's private storage (lms/classroom/files.py checks type and size)
    with the name and type it was uploaded with."""

    file = models.FileField(storage=classroom_storage, upload_to=upload_to, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class AssignmentFile(StoredFile):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="files")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Đã trả bài")


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE,
                                   related_name="submissions")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="classroom_submissions")
    text = models.TextField(_("bài làm"), blank=True)
    status = models.CharField(max_length=10, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.SUBMITTED)
    submitted_at = models.DateTimeField()
    late = models.BooleanField(_("nộp muộn"), default=False)
    score = models.DecimalField(_("điểm"), max_digits=4, decimal_places=2, null=True,
                                blank=True, validators=[MinValueValidator(Decimal(0)),
                                                        MaxValueValidator(SCORE_MAX)])
    comment = models.TextField(_("nhận xét"), blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")
    returned_at = models.DateTimeField(null=True, blank=True)
    # Scored by the teacher without a hand-in (work done on paper, in class).
    on_paper = models.BooleanField(_("chấm bài trên giấy"), default=False)
    # The filled rubric, a snapshot kept with the mark (rubrics.rubric_fill): [{"title",
    # "level", "points", "max"}, …]; empty when the score was typed.
    rubric_filled = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("bài nộp")
        verbose_name_plural = _("bài nộp")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "learner"],
                                    name="submission_one_per_learner"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=10),
                name="submission_score_0_10"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}:{self.learner_id}"

    @property
    def returned(self) -> bool:
        return self.status == SubmissionStatus.RETURNED


class SubmissionFile(StoredFile):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")


class StreamPost(models.Model):
    """The class stream: the teacher's posts to the class (pinned ones first); learners of the
    class comment unless the teacher turned comments off for the post."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="stream_posts",
                             verbose_name=_("lớp"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+")
    text = models.TextField(_("nội dung"))
    pinned = models.BooleanField(_("ghim"), default=False)
    comments_open = models.BooleanField(_("cho phép bình luận"), default=True)
    # Also meant for parents: shown in the families app's class news (receivers.py there).
    for_parents = models.BooleanField(_("gửi cả phụ huynh"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bài đăng của lớp")
        verbose_name_plural = _("bài đăng của lớp")
        ordering = ["-pinned", "-created_at"]
        indexes = [models.Index(fields=["unit", "-created_at"], name="stream_unit_created_idx")]

    def __str__(self) -> str:
        return self.text[:60]


class StreamComment(models.Model):
    post = models.ForeignKey(StreamPost, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    text = models.TextField(_("bình luận"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    # Hidden by the class's teacher: the author and the teachers still see it, marked hidden.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class StreamPostFile(StoredFile):
    post = models.ForeignKey(StreamPost, on_delete=models.CASCADE, related_name="files")


class StreamPostLink(models.Model):
    """A lesson or a library item the post points to (chosen from what the class can open);
    shown as a link with the page's current title."""

    post = models.ForeignKey(StreamPost, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.post_id}:{self.page_id}"
