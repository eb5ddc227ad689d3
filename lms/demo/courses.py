"""Demo CMS content: home, catalogue, the four Vietnamese courses, the teachers' editor group,
and enrolments with learners part-way and complete."""

import json
import random
from typing import cast

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from courses.models import CourseIndexPage, CoursePage, HomePage, LessonPage, Programme
from courses.services import class_enrol, progress_record
from lms.units.models import RoleKind

from . import loader
from .people import TEACHER_GROUP

PROGRAMMES = [
    ("startup", "Khởi nghiệp", "Start-up"),
    ("stem", "STEM", "STEM"),
    ("digital", "Kỹ năng số", "Digital skills"),
    ("language", "Ngoại ngữ", "Foreign language"),
    ("life", "Kỹ năng sống", "Life skills"),
    ("career", "Hướng nghiệp", "Career guidance"),
    ("livelihood", "Sinh kế nông - lâm - ngư nghiệp", "Agriculture, forestry and fishery livelihoods"),
]

HOME_INTRO = ("<p>HọcMở là nền tảng học tập mở phục vụ các chương trình giáo dục: khởi nghiệp, "
              "STEM, kỹ năng số, hướng nghiệp và thư viện số miễn phí cho mọi người.</p>")


def build_site() -> CourseIndexPage:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="HọcMở — Học tập mở", slug="trang-chu",
                                                intro=HOME_INTRO))
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "HọcMở"
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home,
                                is_default_site=True, site_name="HọcMở")
        if old_root and old_root.pk != home.pk and old_root.specific_class != HomePage:
            old_root.delete()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(
            title="Khóa học", slug="khoa-hoc",
            intro="<p>Các khóa học miễn phí theo chương trình của ngành giáo dục.</p>"))
    return index


def build_programmes() -> dict[str, Programme]:
    result = {}
    for order, (code, name, name_en) in enumerate(PROGRAMMES):
        result[code], _ = Programme.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "sort_order": order})
    return result


def _body_json(blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks],
                      ensure_ascii=False)


def build_courses(index: CourseIndexPage, programmes: dict) -> list[CoursePage]:
    courses = []
    for data in loader.courses():
        course = CoursePage.objects.filter(slug=data["slug"]).first()
        if course is None:
            course = index.add_child(instance=CoursePage(
                title=data["title"], slug=data["slug"], programme=programmes[data["programme"]],
                audience=data["audience"], level=data["level"],
                estimated_hours=data["estimated_hours"], intro=f"<p>{data['intro']}</p>"))
            course.save_revision().publish()
        for lesson_data in data["lessons"]:
            if LessonPage.objects.filter(slug=lesson_data["slug"]).child_of(course).exists():
                continue
            lesson = course.add_child(instance=LessonPage(
                title=lesson_data["title"], slug=lesson_data["slug"],
                estimated_minutes=lesson_data["estimated_minutes"],
                required=lesson_data["required"], body=_body_json(lesson_data["body"])))
            lesson.save_revision().publish()
        courses.append(course)
    return courses


def build_teacher_group(index: CourseIndexPage) -> Group:
    """Teachers author courses under the catalogue, and nowhere else in the CMS."""
    group, _ = Group.objects.get_or_create(name=TEACHER_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                              codename=codename))
    collection = Collection.get_first_root_node()
    for app, codenames in (("wagtailimages", ("add_image", "choose_image")),
                           ("wagtaildocs", ("add_document", "choose_document"))):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection,
                permission=Permission.objects.get(content_type__app_label=app, codename=codename))
    return group


def build_progress(units: dict, courses: list[CoursePage], teachers: dict) -> None:
    """Enrol classes (as their teachers would) and give learners a spread of progress. Skipped
    for any course that already has progress, so re-running changes nothing."""
    from courses.models import LessonProgress
    from lms.accounts.models import User

    rng = random.Random(1665)
    plan = [  # (class code prefix, course slug, teacher username)
        # 12A1 (the demo learner's class) is not enrolled in the start-up course, so the demo
        # learner can enrol and take it; they are part-way through digital skills.
        ("HP-THPT-NQ-10A1", "khoi-nghiep-cho-hoc-sinh", "giaovien"),
        ("HP-THPT-NQ-12A2", "khoi-nghiep-cho-hoc-sinh", "giaovien"),
        ("HP-GDTX-12B", "khoi-nghiep-cho-hoc-sinh", "giaovien.gdtx"),
        ("HP-THPT-NQ-", "ky-nang-so-co-ban", "giaovien"),
        ("HP-THCS-TN-", "stem-robot-don-gian", "giaovien.thcs"),
        ("HP-GDTX-", "huong-nghiep", "giaovien.gdtx"),
    ]
    by_slug = {c.slug: c for c in courses}
    for class_prefix, slug, teacher_username in plan:
        course = cast(CoursePage, by_slug.get(slug))  # every planned course was built
        teacher = teachers[teacher_username]
        lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
        for _school, klass in units["classes"]:
            if not klass.code.startswith(class_prefix):
                continue
            if LessonProgress.objects.filter(course=course, user__roles__unit=klass).exists():
                continue  # already loaded: re-running changes nothing
            class_enrol(actor=teacher, class_unit=klass, course=course)
            learners = User.objects.filter(roles__unit=klass, roles__kind=RoleKind.LEARNER)
            for learner in learners:
                if learner.username == "hocsinh":
                    for lesson in lessons[:2]:  # part-way, so "Tiếp tục học" has somewhere to go
                        progress_record(user=learner, lesson=lesson, completed=True, seconds=600,
                                        history=True)
                    continue
                roll = rng.random()
                done = len(lessons) if roll < 0.3 else (rng.randint(1, len(lessons) - 1)
                                                         if roll < 0.75 else 0)
                for lesson in lessons[:done]:
                    progress_record(user=learner, lesson=lesson, completed=True,
                                    seconds=lesson.estimated_minutes * 60, source="demo",
                                    history=True)
                if 0 < done < len(lessons) and rng.random() < 0.5:
                    progress_record(user=learner, lesson=lessons[done], percent=rng.randint(10, 80),
                                    seconds=300, source="demo", history=True)
