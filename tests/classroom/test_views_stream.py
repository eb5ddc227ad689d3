"""The class stream: the teacher posts, pins and turns comments off; the class's learners
read and comment; nobody else sees it (another class's teacher or learner, a parent)."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.classroom import services
from lms.classroom.models import StreamComment, StreamPost

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def post(world):
    return services.stream_post_create(actor=world["teacher"], unit=world["class"],
                                       text="Thứ Hai mang máy tính bỏ túi.")


def test_teacher_posts_and_learners_comment(world):
    url = reverse("classroom:stream", args=[world["class"].pk])
    response = _as(world["teacher"]).post(url, {"text": "Nộp bài trước thứ Sáu.",
                                                "pinned": "on", "comments_open": "on"})
    assert response.status_code == 302
    post = StreamPost.objects.get(unit=world["class"])
    assert post.pinned and post.comments_open
    an = _as(world["an"])
    assert "Nộp bài trước thứ Sáu." in an.get(url).content.decode()
    an.post(reverse("classroom:stream_comment", args=[post.pk]), {"text": "Vâng ạ"})
    assert StreamComment.objects.get(post=post).author == world["an"]


def test_learners_may_not_post_or_switch(world, post):
    an = _as(world["an"])
    assert an.post(reverse("classroom:stream", args=[world["class"].pk]),
                   {"text": "x"}).status_code == 404
    assert an.post(reverse("classroom:stream_post_set", args=[post.pk]),
                   {"ghim": "1"}).status_code == 404
    post.refresh_from_db()
    assert not post.pinned and StreamPost.objects.count() == 1


@pytest.mark.parametrize("who", ["other_teacher", "other_learner", "parent"])
def test_outsiders_see_nothing(world, post, who):
    client = _as(world[who])
    assert client.get(reverse("classroom:stream", args=[world["class"].pk])).status_code == 404
    assert client.post(reverse("classroom:stream_comment", args=[post.pk]),
                       {"text": "x"}).status_code == 404
    assert client.post(reverse("classroom:stream_post_set", args=[post.pk]),
                       {"binh-luan": "0"}).status_code == 404
    assert not StreamComment.objects.exists()


def test_comments_turned_off_are_refused(world, post):
    teacher = _as(world["teacher"])
    teacher.post(reverse("classroom:stream_post_set", args=[post.pk]), {"binh-luan": "0"})
    post.refresh_from_db()
    assert not post.comments_open
    _as(world["an"]).post(reverse("classroom:stream_comment", args=[post.pk]), {"text": "x"})
    assert not StreamComment.objects.exists()
    with pytest.raises(PermissionError):
        services.stream_comment_create(actor=world["an"], post=post, text="x")


def test_bad_input_is_400_not_500(world, post):
    teacher = _as(world["teacher"])
    assert teacher.post(reverse("classroom:stream_post_set", args=[post.pk]),
                        {"ghim": "yes"}).status_code == 400
    assert teacher.post(reverse("classroom:stream", args=[world["class"].pk]),
                        {"text": ""}).status_code == 400
    assert _as(world["an"]).post(reverse("classroom:stream_comment", args=[post.pk]),
                                 {"text": "x" * 3000}).status_code == 400


def test_anonymous_and_csrf(world, post):
    url = reverse("classroom:stream", args=[world["class"].pk])
    assert Client().get(url).status_code == 302
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["an"])
    assert client.post(reverse("classroom:stream_comment", args=[post.pk]),
                       {"text": "x"}).status_code == 403
