"""Low-data mode on the server (issue 22): with `Save-Data: on` lesson images come as a
tap-to-load link, video never preloads, and the cached renderings (the lesson body fragment,
the signed-in skeleton, the anonymous page cache) keep the two variants apart; responses
carry `Vary: Save-Data`."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from courses.services import enrolment_create
from tests.factories import UserFactory, course_with_lessons

pytestmark = pytest.mark.django_db

SAVE = {"HTTP_SAVE_DATA": "on"}


def _lesson_with_image():
    course, lessons = course_with_lessons(1)
    data = io.BytesIO()
    Image.new("RGB", (1200, 600), (200, 40, 40)).save(data, "PNG")
    image = WagtailImage.objects.create(title="Ảnh", file=ImageFile(data, name="do.png"))
    lesson = lessons[0]
    lesson.body.append(("image", {"image": image, "alt_text": "Bản đồ", "caption": ""}))
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return course, lesson


def _variants(client, url):
    """Plain, saving, plain again, saving again: each from its own cached rendering."""
    return [client.get(url, **headers).content.decode() for headers in ({}, SAVE, {}, SAVE)]


def _assert_variants(pages):
    plain, saving, plain_again, saving_again = pages
    for html in (plain, plain_again):
        assert '<img' in html and 'alt="Bản đồ"' in html and "data-tap-image" not in html
    for html in (saving, saving_again):
        assert "data-tap-image" in html and "Chạm để tải ảnh: Bản đồ" in html
        body = html.split('class="lesson-body"', 1)[1].split("</article>", 1)[0]
        assert "<img" not in body


def test_signed_in_learner_gets_images_on_tap_with_save_data(client):
    course, lesson = _lesson_with_image()
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    _assert_variants(_variants(client, lesson.url))
    response = client.get(lesson.url, **SAVE)
    assert "Save-Data" in response["Vary"]
    assert "width-800.format-webp" in response.content.decode().split("data-tap-image")[0] \
        .rsplit('href="', 1)[1]


def test_anonymous_page_cache_keeps_the_variants_apart(client):
    _course, lesson = _lesson_with_image()
    pages = _variants(client, lesson.url)
    _assert_variants(pages)
    hit = client.get(lesson.url, **SAVE)
    assert hit["X-Page-Cache"] == "hit" and "Save-Data" in hit["Vary"]
    assert "data-tap-image" in hit.content.decode()


@pytest.mark.parametrize("value", ["off", "", "1"])
def test_only_on_means_save_data(client, value):
    _course, lesson = _lesson_with_image()
    html = client.get(lesson.url, HTTP_SAVE_DATA=value).content.decode()
    assert "data-tap-image" not in html and 'alt="Bản đồ"' in html


def test_pages_outside_the_course_index_do_not_vary(client):
    assert "Save-Data" not in client.get("/ngoai-tuyen/").get("Vary", "")
