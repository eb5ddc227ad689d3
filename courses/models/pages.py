"""Wagtail pages: HomePage → CourseIndexPage → CoursePage → LessonPage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.common.query import param
from lms.common.slugs import FoldedSlugMixin

from ..blocks import LessonBodyBlock


class HomePage(FoldedSlugMixin, Page):
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "library.LibraryIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import card_progress, course_cards

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_cards(limit=6)
        context["card_progress"] = card_progress(request.user, context["courses"])
        context["course_index"] = CourseIndexPage.objects.live().first()
        return context


class CourseIndexPage(FoldedSlugMixin, Page):
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("danh mục khóa học")

    def get_context(self, request, *args, **kwargs):
        from ..models import Programme
        from ..selectors import card_progress, course_cards

        context = super().get_context(request, *args, **kwargs)
        selected = param(request.GET, "chuong-trinh")
        context["programmes"] = list(Programme.objects.all())
        context["selected_programme"] = selected
        context["courses"] = course_cards(parent=self, programme_code=selected or None)
        context["card_progress"] = card_progress(request.user, context["courses"])
        return context


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Cơ bản")
    INTERMEDIATE = "intermediate", _("Trung cấp")
    ADVANCED = "advanced", _("Nâng cao")


class CoursePage(FoldedSlugMixin, Page):
    programme = models.ForeignKey("courses.Programme", on_delete=models.PROTECT,
                                  related_name="courses", verbose_name=_("chương trình"))
    audience = models.CharField(_("đối tượng"), max_length=200, blank=True)
    level = models.CharField(_("trình độ"), max_length=20, choices=CourseLevel.choices,
                             default=CourseLevel.BEGINNER)
    estimated_hours = models.PositiveSmallIntegerField(_("số giờ dự kiến"), default=1)
    cover_image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("ảnh bìa"))
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("programme"),
        FieldPanel("audience"),
        FieldPanel("level"),
        FieldPanel("estimated_hours"),
        FieldPanel("cover_image"),
        FieldPanel("intro"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("audience"),
        index.FilterField("programme"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("khóa học")
        verbose_name_plural = _("khóa học")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_outline_for

        context = super().get_context(request, *args, **kwargs)
        context.update(course_outline_for(course=self, user=request.user))
        return context


class LessonPage(FoldedSlugMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("nội dung"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("số phút dự kiến"), default=15)
    required = models.BooleanField(_("bắt buộc"), default=True,
                                   help_text=_("Khóa học hoàn thành khi mọi bài bắt buộc xong."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("required"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")

    def get_context(self, request, *args, **kwargs):
        from lms.common.save_data import save_data

        from ..selectors import lesson_context_for

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context_for(lesson=self, user=request.user))
        context["save_data"] = save_data(request)  # low-data mode: images on tap
        return context

    def serve(self, request, *args, **kwargs):
        """Signed-in learners get the page from its rendered skeleton (courses/lesson_page.py,
        issue 18); everyone else, and what it leaves out, Wagtail's own rendering."""
        from ..lesson_page import lesson_response

        if not args and not kwargs:
            response = lesson_response(self, request)
            if response is not None:
                return response
        return super().serve(request, *args, **kwargs)
