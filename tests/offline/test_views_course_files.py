"""The download list of a course: only a learner enrolled in it; every lesson page, its
images, documents and H5P files, videos apart; total size."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from courses.services import enrolment_create
from tests.factories import UserFactory, course_with_lessons
from tests.xapi.helpers import lesson_with_h5p

pytestmark = pytest.mark.django_db


def _url(course):
    return f"/offline/courses/{course.pk}/files.json"


def _image() -> WagtailImage:
    data = io.BytesIO()
    Image.new("RGB", (1600, 900), (20, 120, 60)).save(data, "PNG")
    return WagtailImage.objects.create(title="Ảnh", file=ImageFile(data, name="anh.png"))


def test_enrolled_learner_gets_every_lesson_image_and_h5p_file(client):
    course, lessons = course_with_lessons(2)
    image = _image()
    lessons[0].body.append(("image", {"image": image, "alt_text": "Ảnh", "caption": ""}))
    lessons[0].save_revision().publish()
    lesson_with_h5p(lessons[1])
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.get(_url(course))
    assert response.status_code == 200
    body = response.json()
    urls = [item["url"] for item in body["files"]]
    assert urls[0] == course.url
    assert lessons[0].url in urls and lessons[1].url in urls
    images = [item for item in body["files"] if item["kind"] == "image"]
    assert len(images) == 1 and ".width-800.format-webp." in images[0]["url"]
    assert images[0]["bytes"] > 0
    h5p = [item for item in body["files"] if item["kind"] == "h5p"]
    assert any("/h5p/play/" in item["url"] for item in h5p)
    assert any(item["url"].endswith("h5p.json") for item in h5p)
    assert body["total_bytes"] == sum(item["bytes"] for item in body["files"])
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("who", ["anonymous", "not_enrolled", "enrolled_elsewhere"])
def test_others_get_nothing(client, who):
    course, _lessons = course_with_lessons(1)
    other, _ = course_with_lessons(1, slug="khoa-khac")
    if who != "anonymous":
        user = UserFactory()
        if who == "enrolled_elsewhere":
            enrolment_create(user=user, course=other)
        client.force_login(user)
    response = client.get(_url(course))
    assert response.status_code == (401 if who == "anonymous" else 404)
    assert b"total_bytes" not in response.content


def test_unpublished_course_is_not_downloadable(client):
    course, _lessons = course_with_lessons(1)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    course.unpublish()
    client.force_login(learner)
    assert client.get(_url(course)).status_code == 404


def test_me_tells_the_device_who_is_signed_in(client):
    assert client.get("/offline/me.json").json() == {"user": None}
    learner = UserFactory(username="hocvien-may")
    client.force_login(learner)
    body = client.get("/offline/me.json").json()
    assert body["user"] == "hocvien-may" and body["csrf"]
