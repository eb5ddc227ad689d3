"""Issue 19 item 12: catalogue cards show the course's cover image (a small rendition) and, for
an enrolled learner, their progress; the demo's cover images are drawn in the repo."""

import io
import re

import pytest
from django.core.cache import cache
from django.test import TestCase
from PIL import Image as PILImage

from courses.selectors import card_progress
from courses.services import enrolment_create, progress_record
from lms.demo.images import build_course_images, cover_webp
from tests.factories import UserFactory

from .factories import course_with_lessons

pytestmark = pytest.mark.django_db


def test_enrolled_learner_sees_progress_and_others_do_not(client):
    course, lessons = course_with_lessons(4)
    other, _ = course_with_lessons(1, title="STEM", slug="stem")
    learner = UserFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        enrolment_create(user=learner, course=course)
        progress_record(user=learner, lesson=lessons[0], completed=True)
    index = course.get_parent()
    client.force_login(learner)
    body = client.get(index.url).content.decode()
    assert body.count("<progress") == 1  # the enrolled course only
    assert '<progress max="100" value="25"' in body and "Đã học 25%" in body
    assert card_progress(learner, [course, other]) == {course.pk: 25}

    client.force_login(UserFactory())
    assert "<progress" not in client.get(index.url).content.decode()


def test_anonymous_progress_costs_no_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    course, _ = course_with_lessons(1)
    with django_assert_num_queries(0):
        assert card_progress(AnonymousUser(), [course]) == {}


def test_demo_cover_images_are_small_webp_and_cards_use_a_rendition(client):
    data = cover_webp("startup")
    assert len(data) < 20_000
    assert PILImage.open(io.BytesIO(data)).size == (640, 320)
    course, _ = course_with_lessons(1)
    build_course_images([course])
    course.refresh_from_db()
    assert course.cover_image_id
    build_course_images([course])  # idempotent: no second image
    from wagtail.images import get_image_model

    assert get_image_model().objects.count() == 1
    cache.clear()  # the cards are cached per content version, bumped after commit
    body = client.get(course.get_parent().url).content.decode()
    img = re.search(r"<img [^>]*card-img[^>]*>", body).group(0)
    assert 'width="320"' in img and 'height="160"' in img
    assert ".webp" in img and 'alt=""' in img
