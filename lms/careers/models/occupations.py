"""Occupation profiles are Wagtail snippets with drafts and revisions (edited in /admin/,
served by our own views under /huong-nghiep/nghe/<slug>/): the /huong-nghiep/ prefix belongs to
Django views, and HomePage (courses) admits no new child page types."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin

riasec_validator = RegexValidator(
    r"^(?!.*(.).*\1)[RIASEC]{1,3}$",
    _("Mã RIASEC gồm 1–3 chữ khác nhau trong R, I, A, S, E, C (ví dụ: RIC)."))


class Occupation(DraftStateMixin, RevisionMixin, ClusterableModel):
    title = models.CharField(_("tên nghề"), max_length=150)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    riasec_code = models.CharField(
        _("mã RIASEC"), max_length=3, validators=[riasec_validator],
        help_text=_("1–3 chữ, chữ đầu là nhóm sở thích nổi bật nhất (ví dụ: RIC)."))
    summary = models.CharField(_("tóm tắt"), max_length=300)
    description = RichTextField(_("mô tả công việc"), blank=True)
    skills = RichTextField(_("kỹ năng cần có"), blank=True)
    training_paths = RichTextField(_("con đường đào tạo"), blank=True)
    local_employers = RichTextField(_("nơi tuyển dụng tại địa phương"), blank=True)
    wage_min = models.PositiveIntegerField(_("lương thấp nhất (đồng/tháng)"), null=True,
                                           blank=True)
    wage_max = models.PositiveIntegerField(_("lương cao nhất (đồng/tháng)"), null=True,
                                           blank=True)
    wage_note = models.CharField(_("ghi chú về lương"), max_length=200, blank=True)
    related_courses = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="occupations",
        verbose_name=_("khóa học liên quan"))
    related_library_items = ParentalManyToManyField(
        "library.LibraryItemPage", blank=True, related_name="occupations",
        verbose_name=_("tài liệu thư viện liên quan"))
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    panels = [
        FieldPanel("title"), FieldPanel("slug"), FieldPanel("riasec_code"),
        FieldPanel("summary"), FieldPanel("description"), FieldPanel("skills"),
        FieldPanel("training_paths"), FieldPanel("local_employers"),
        MultiFieldPanel([FieldPanel("wage_min"), FieldPanel("wage_max"),
                         FieldPanel("wage_note")], heading=_("Thu nhập")),
        FieldPanel("related_courses"), FieldPanel("related_library_items"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("nghề nghiệp")
        verbose_name_plural = _("nghề nghiệp")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        self.riasec_code = (self.riasec_code or "").upper()
        if self.wage_min and self.wage_max and self.wage_min > self.wage_max:
            raise ValidationError({"wage_max": _("Lương cao nhất phải không nhỏ hơn lương thấp "
                                                 "nhất.")})

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("careers:occupation", args=[self.slug])


class QuestionnaireResult(models.Model):
    """A signed-in learner's questionnaire answers and scores (anonymous results are shown, not
    stored)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="riasec_results", verbose_name=_("người làm"))
    answers = models.JSONField(_("câu trả lời"))
    scores = models.JSONField(_("điểm theo nhóm"))
    code = models.CharField(_("mã sở thích"), max_length=3)
    created_at = models.DateTimeField(_("làm lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("kết quả trắc nghiệm sở thích")
        verbose_name_plural = _("kết quả trắc nghiệm sở thích")

    def __str__(self) -> str:
        return f"{self.user} — {self.code}"
