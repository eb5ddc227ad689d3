"""factory_boy factories for every model tests build. Pages go through Wagtail's tree API."""

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
from lms.accounts.models import LearnerProfile, User
from lms.units.models import RoleKind, Unit, UnitKind
from lms.units.services import role_grant, unit_create


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Người Dùng {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    password = factory.django.Password("mat-khau-thu")


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearnerProfile

    user = factory.SubFactory(UserFactory)
    learner_code = factory.Sequence(lambda n: f"HS{n:06d}")
    sex = "F"
    grade = 12
    expected_graduation_year = 2026


class UnitKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKind
        django_get_or_create = ("code",)

    code = "school"
    name = factory.LazyAttribute(lambda o: o.code)


class UnitFactory(factory.django.DjangoModelFactory):
    """Creates through the tree API; pass `parent=` for a child, omit it for a root."""

    class Meta:
        model = Unit

    kind = factory.SubFactory(UnitKindFactory)
    name = factory.Sequence(lambda n: f"Đơn vị {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return unit_create(parent=parent, **kwargs)


def class_unit(parent: Unit, name: str = "Lớp 12A1") -> Unit:
    return UnitFactory(parent=parent, name=name,
                       kind=UnitKindFactory(code="class", is_class=True), grade=12)


def learner_in(klass: Unit, **user_fields) -> User:
    user = UserFactory(**user_fields)
    LearnerProfileFactory(user=user)
    role_grant(user=user, unit=klass, kind=RoleKind.LEARNER)
    return user


def staff_at(unit: Unit, kind: str = RoleKind.TEACHER, **user_fields) -> User:
    user = UserFactory(**user_fields)
    role_grant(user=user, unit=unit, kind=kind)
    return user


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


DEMO_PASSWORD = settings.HOCMO_DEMO_PASSWORD


# --- Library (issue 4) ---------------------------------------------------------------------------


def library_index():
    """The digital library page under the site's HomePage, created once per database."""
    from library.models import LibraryIndexPage

    index = LibraryIndexPage.objects.first()
    if index:
        return index
    home = course_index().get_parent()
    return home.add_child(instance=LibraryIndexPage(title="Thư viện số", slug="thu-vien"))


def library_item(title: str = "Sổ tay khởi nghiệp", *, file_name: str | None = None,
                 file_bytes: bytes | None = None, topics: tuple[str, ...] = (), publish=True,
                 **fields):
    """A published library item; with `file_bytes` its file is saved in library storage."""
    from django.core.files.base import ContentFile
    from django.utils.text import slugify

    from library.models import LibraryItemPage

    index = library_index()
    from lms.common.text import vn_fold

    fields.setdefault("slug", slugify(vn_fold(title))[:60]
                      or f"tai-lieu-{LibraryItemPage.objects.count()}")
    item = index.add_child(instance=LibraryItemPage(title=title, **fields))
    if file_bytes is not None:
        item.file.save(file_name or "tai-lieu.pdf", ContentFile(file_bytes), save=False)
    if topics:
        item.topics.add(*topics)
    revision = item.save_revision()
    if publish:
        revision.publish()
    item.refresh_from_db()
    return item


def pdf_bytes(text: str = "Khởi nghiệp đổi mới sáng tạo ở Đồng Nai") -> bytes:
    """A real PDF (WeasyPrint) whose text pypdf can extract."""
    import html

    from weasyprint import HTML

    return HTML(string=f"<html lang='vi'><meta charset='utf-8'><body><p>{html.escape(text)}</p>"
                       "</body></html>").write_pdf()


def rewind_clock(user, course, seconds: int) -> None:
    """The learner's previous activity in `course` was `seconds` ago: progress_record credits
    study time only up to what has passed since then (issue 16, defect 7)."""
    Enrolment.objects.filter(user=user, course=course).update(
        last_activity_at=timezone.now() - timedelta(seconds=seconds))
