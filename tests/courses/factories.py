"""Courses test data: programmes, the catalogue, courses with lessons (Wagtail's tree API)."""

from datetime import timedelta

import factory
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    HomePage,
    LessonPage,
    Programme,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("code",)

    code = "startup"
    name = "Khởi nghiệp"


def _tree_root() -> Page:
    """Transactional tests flush the root page and locale that Wagtail's migrations made."""
    ContentType.objects.clear_cache()  # the flush re-created content types with new ids
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.add_root(instance=Page(title="Root", slug="root",
                                       content_type=ContentType.objects.get_for_model(Page)))


def course_index() -> CourseIndexPage:
    """The site's HomePage and catalogue, created once per database."""
    index = CourseIndexPage.objects.first()
    if index:
        return index
    root = Page.get_first_root_node() or _tree_root()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "port": 80, "root_page": home, "site_name": "HọcMở"})
    return home.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc"))


def course_with_lessons(n_lessons: int = 3, *, title: str = "Khởi nghiệp cho học sinh",
                        slug: str | None = None, optional: tuple[int, ...] = (),
                        programme: Programme | None = None) -> tuple[CoursePage, list[LessonPage]]:
    index = course_index()
    programme = programme or ProgrammeFactory()
    slug = slug or f"khoa-hoc-{CoursePage.objects.count() + 1}"
    course = index.add_child(instance=CoursePage(title=title, slug=slug, programme=programme,
                                                 audience="Học sinh THPT", estimated_hours=2))
    lessons = []
    for i in range(n_lessons):
        lesson = course.add_child(instance=LessonPage(
            title=f"Bài {i + 1}: Ý tưởng khởi nghiệp", slug=f"bai-{i + 1}",
            estimated_minutes=10, required=i not in optional,
            body=[("paragraph", f"<p>Nội dung bài {i + 1} về khởi nghiệp.</p>")]))
        lessons.append(lesson)
    return course, lessons


def rewind_clock(user, course, seconds: int) -> None:
    """The learner's previous activity in `course` was `seconds` ago: progress_record credits
    study time only up to what has passed since then (issue 16, defect 7)."""
    Enrolment.objects.filter(user=user, course=course).update(
        last_activity_at=timezone.now() - timedelta(seconds=seconds))
