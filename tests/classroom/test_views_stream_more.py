"""The class stream's files, links to lessons and library items, hidden comments, the notice
of new posts, and posts for parents reaching the families app's class news."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from lms.classroom import notices, services
from lms.classroom.models import StreamComment, StreamPost, StreamPostFile
from lms.families.models import NewsPost
from lms.notifications.models import Notification
from tests.courses.factories import course_with_lessons
from tests.library.factories import library_item

from .factories import fake_jpeg_upload, jpeg_upload

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pages(world):
    from courses.models import Enrolment

    course, lessons = course_with_lessons(2)
    Enrolment.objects.create(user=world["an"], course=course)
    _other_course, other_lessons = course_with_lessons(1, title="Khóa khác")
    return {"lesson": lessons[0], "other_lesson": other_lessons[0],
            "item": library_item("Sổ tay khởi nghiệp")}


def test_post_with_a_file_and_links(world, pages):
    url = reverse("classroom:stream", args=[world["class"].pk])
    teacher = _as(world["teacher"])
    form = teacher.get(url).content.decode()
    assert f'value="{pages["lesson"].pk}"' in form
    assert f'value="{pages["other_lesson"].pk}"' not in form
    response = teacher.post(url, {"text": "Đọc trước bài 1.", "comments_open": "on",
                                  "uploads": jpeg_upload("so-do.jpg"),
                                  "lessons": [pages["lesson"].pk],
                                  "library": [pages["item"].pk]})
    assert response.status_code == 302
    post = StreamPost.objects.get(unit=world["class"])
    row = StreamPostFile.objects.get(post=post)
    assert row.content_type == "image/jpeg"
    page = _as(world["an"]).get(url).content.decode()
    assert f'href="{pages["lesson"].url}">{pages["lesson"].title}</a>' in page
    assert pages["item"].title in page and "so-do.jpg" in page
    file_url = reverse("classroom:stream_file", args=[post.pk, row.pk])
    download = _as(world["an"]).get(file_url)
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    for who in ("other_teacher", "other_learner", "parent"):
        assert _as(world[who]).get(file_url).status_code == 404, who


def test_post_refuses_bad_files_and_pages_the_class_cannot_open(world, pages):
    url = reverse("classroom:stream", args=[world["class"].pk])
    teacher = _as(world["teacher"])
    assert teacher.post(url, {"text": "x", "uploads": fake_jpeg_upload()}).status_code == 400
    assert teacher.post(url, {"text": "x",
                              "lessons": [pages["other_lesson"].pk]}).status_code == 400
    with pytest.raises(ValidationError):
        services.stream_post_create(actor=world["teacher"], unit=world["class"], text="x",
                                    pages=[pages["other_lesson"]])
    assert not StreamPost.objects.exists()


def test_teacher_hides_a_comment(world):
    post = services.stream_post_create(actor=world["teacher"], unit=world["class"], text="Hỏi")
    comment = services.stream_comment_create(actor=world["an"], post=post, text="Lời lẽ xấu")
    url = reverse("classroom:stream", args=[world["class"].pk])
    hide = reverse("classroom:stream_comment_hide", args=[comment.pk])
    for who in ("an", "binh", "other_teacher", "other_learner", "parent"):
        for pk in StreamComment.objects.values_list("pk", flat=True):
            response = _as(world[who]).post(
                reverse("classroom:stream_comment_hide", args=[pk]), {"an": "1"})
            assert response.status_code in (403, 404), who
    assert StreamComment.objects.get().hidden_at is None
    assert _as(world["teacher"]).post(hide, {"an": "x"}).status_code == 400
    assert _as(world["teacher"]).post(hide, {"an": "1"}).status_code == 302
    assert "Lời lẽ xấu" not in _as(world["binh"]).get(url).content.decode()
    assert "đã ẩn với lớp" in _as(world["an"]).get(url).content.decode()
    assert "Lời lẽ xấu" in _as(world["teacher"]).get(url).content.decode()
    _as(world["teacher"]).post(hide, {"an": "0"})
    assert "Lời lẽ xấu" in _as(world["binh"]).get(url).content.decode()


def test_new_posts_notify_the_class_once_a_day(world):
    first = services.stream_post_create(actor=world["teacher"], unit=world["class"],
                                        text="Bài đăng 1")
    second = services.stream_post_create(actor=world["teacher"], unit=world["class"],
                                         text="Bài đăng 2")
    assert notices.stream_post_new(first.pk) == 2  # An and Bình
    assert notices.stream_post_new(second.pk) == 0  # the same day: folded into one notice
    told = set(Notification.objects.filter(event="stream_post").values_list("user_id",
                                                                             flat=True))
    assert told == {world["an"].pk, world["binh"].pk}


def test_a_post_for_parents_reaches_the_class_news(world):
    url = reverse("classroom:stream", args=[world["class"].pk])
    _as(world["teacher"]).post(url, {"text": "Họp phụ huynh thứ Bảy.", "for_parents": "on"})
    _as(world["teacher"]).post(url, {"text": "Chỉ cho học sinh."})
    news = list(NewsPost.objects.filter(unit=world["class"]).values_list("text", flat=True))
    assert news == ["Họp phụ huynh thứ Bảy."]
    home = _as(world["parent"]).get(reverse("families:home")).content.decode()
    assert "Họp phụ huynh thứ Bảy." in home and "Chỉ cho học sinh." not in home
    assert _as(world["parent"]).get(url).status_code == 404  # the stream stays the class's


def test_stream_posts_need_csrf(world):
    post = services.stream_post_create(actor=world["teacher"], unit=world["class"], text="x")
    comment = services.stream_comment_create(actor=world["an"], post=post, text="y")
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["teacher"])
    assert client.post(reverse("classroom:stream_comment_hide", args=[comment.pk]),
                       {"an": "1"}).status_code == 403
