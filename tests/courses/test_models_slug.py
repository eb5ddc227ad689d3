"""Issue 19 item 10: pages created with an empty slug get an ASCII one folded from the title."""

import pytest

from courses.models import LessonPage

from .factories import course_with_lessons

pytestmark = pytest.mark.django_db


def test_lesson_slug_is_folded_from_vietnamese_title():
    course, _lessons = course_with_lessons(1)
    lesson = course.add_child(instance=LessonPage(title="Bài 1: Đặt vấn đề"))
    assert lesson.slug == "bai-1-dat-van-de"
    again = course.add_child(instance=LessonPage(title="Bài 1: Đặt vấn đề"))
    assert again.slug == "bai-1-dat-van-de-2"
