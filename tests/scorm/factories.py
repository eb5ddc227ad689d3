"""A live lesson showing a SCORM package, and learners enrolled (or not) in its course."""

import io

from courses.scorm.services import scorm_package_create
from courses.services import enrolment_create
from tests.accounts.factories import UserFactory
from tests.courses.factories import course_with_lessons

from .packages import scorm12_zip


def scorm_lesson(raw: bytes | None = None, *, title: str = "Bài giảng e-learning"):
    """(course, lesson, package): the lesson's body holds one SCORM block."""
    course, lessons = course_with_lessons(2)
    package = scorm_package_create(fileobj=io.BytesIO(raw or scorm12_zip()), title=title)
    lesson = lessons[0]
    lesson.body.append(("scorm", {"package": package, "instructions": "Học hết bài giảng"}))
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return course, lesson, package


def enrolled_learner(course):
    user = UserFactory()
    enrolment_create(user=user, course=course)
    return user
