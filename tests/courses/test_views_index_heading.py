"""Issue 19 item 8: the catalogue heading is CMS text in Vietnamese; the English site shows the
translated section name instead."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

from .factories import course_with_lessons

pytestmark = pytest.mark.django_db


def test_course_index_heading_in_english(client):
    course, _lessons = course_with_lessons(1)
    index = course.get_parent()
    client.force_login(UserFactory())
    client.post(reverse("language_switch", args=["en"]))
    page = client.get(index.url).content.decode()
    assert "<h1>Courses</h1>" in page
    client.post(reverse("language_switch", args=["vi"]))
    assert "<h1>Khóa học</h1>" in client.get(index.url).content.decode()
