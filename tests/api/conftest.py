import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from courses.models import CourseCompletion, Enrolment, LessonProgress
from lms.accounts.models import GuardianContact, GuardianLink
from lms.units.models import RoleKind
from tests.factories import UserFactory, course_with_lessons, learner_in, staff_at


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def world(school_tree):
    """Sở → Phòng → school A (class 9A), Sở → school B (class 12A1): a learner in each class,
    staff at every level, a parent of learner A, an outsider, and a course with progress."""
    t = dict(school_tree)
    for key in ("so", "phong", "school_a", "school_b", "class_a", "class_b"):
        t[key].refresh_from_db()
    t["la"] = learner_in(t["class_a"], username="hs.a", full_name="Lê Văn A")
    t["lb"] = learner_in(t["class_b"], username="hs.b", full_name="Trần Thị B")
    GuardianContact.objects.create(profile=t["la"].learner_profile, name="Lê Văn Cha",
                                   phone="0912345678")
    GuardianContact.objects.create(profile=t["lb"].learner_profile, name="Trần Văn Cha")
    t["officer_so"] = staff_at(t["so"], RoleKind.OFFICER, username="canbo.so.t")
    t["officer_phong"] = staff_at(t["phong"], RoleKind.OFFICER, username="canbo.phong.t")
    t["admin_b"] = staff_at(t["school_b"], RoleKind.SCHOOL_ADMIN, username="hieutruong.b")
    t["teacher_a"] = staff_at(t["school_a"], RoleKind.TEACHER, username="giaovien.a")
    t["parent_a"] = UserFactory(username="phuhuynh.a")
    GuardianLink.objects.create(guardian=t["parent_a"], learner=t["la"])
    t["outsider"] = UserFactory(username="nguoila")
    course, lessons = course_with_lessons(2)
    t["course"], t["lessons"] = course, lessons
    for learner in (t["la"], t["lb"]):
        Enrolment.objects.create(user=learner, course=course)
        LessonProgress.objects.create(user=learner, lesson=lessons[0], course=course, percent=100,
                                      completed_at=timezone.now())
        CourseCompletion.objects.create(user=learner, course=course, completed_at=timezone.now())
    return t
