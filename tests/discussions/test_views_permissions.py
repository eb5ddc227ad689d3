"""Every forbidden access to lesson questions, ids enumerated: another class's learner, a
learner of the class not enrolled in the course, another school's teacher and head, a parent
(404), and anonymous visitors (sent to sign in); CSRF on every POST."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.discussions import services
from lms.discussions.models import Answer, Question, Report

pytestmark = pytest.mark.django_db

OUTSIDERS = ["chi", "other_learner", "other_teacher", "head_a", "parent"]


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _ids(model):
    top = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return range(1, top + 2)  # every id there is, and one that is not


def _post_urls():
    for qid in _ids(Question):
        yield reverse("discussions:answer", args=[qid]), {"text": "xin chào"}
        yield reverse("discussions:report_question", args=[qid]), {"reason": "x"}
        yield reverse("discussions:hide_question", args=[qid]), {"an": "1"}
    for aid in _ids(Answer):
        yield reverse("discussions:accept", args=[aid]), {}
        yield reverse("discussions:report_answer", args=[aid]), {"reason": "x"}
        yield reverse("discussions:hide_answer", args=[aid]), {"an": "1"}
    for rid in _ids(Report):
        yield reverse("discussions:dismiss", args=[rid]), {}


@pytest.fixture
def reported(world, asked):
    services.post_report(actor=world["binh"], question=asked["question"],
                         answer=asked["peer"], reason="Không đúng")
    return asked


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_for_every_id(world, reported, who):
    client = _as(world[who])
    for qid in _ids(Question):
        assert client.get(reverse("discussions:question", args=[qid])).status_code == 404
    for url, data in _post_urls():
        assert client.post(url, data).status_code == 404, url
    assert Answer.objects.count() == 2 and Report.objects.count() == 1
    assert not Answer.objects.filter(hidden_at__isnull=False).exists()
    assert Question.objects.get().accepted_answer is None


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_never_read_the_class_questions(world, reported, who):
    client = _as(world[who])
    response = client.get(reverse("discussions:lesson", args=[world["lesson"].pk]))
    assert response.status_code in (200, 404)  # a teacher or learner elsewhere: their own page
    assert "Khách hàng mục tiêu" not in response.content.decode()
    posted = client.post(reverse("discussions:lesson", args=[world["lesson"].pk]),
                         {"text": "Một câu hỏi từ ngoài lớp"})
    # another class's enrolled learner asks into their own class, never into 12A1
    assert posted.status_code == (302 if who == "other_learner" else 404)
    assert not Question.objects.filter(unit=world["class"]).exclude(
        pk=reported["question"].pk).exists()
    moderation = client.get(reverse("discussions:moderation"))
    assert moderation.status_code in (200, 404)
    assert "Không đúng" not in moderation.content.decode()


def test_anonymous_is_sent_to_sign_in(world, reported):
    client = Client()
    urls = [reverse("discussions:lesson", args=[world["lesson"].pk]),
            reverse("discussions:question", args=[reported["question"].pk]),
            reverse("discussions:moderation")]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 404), url
        if response.status_code == 302:
            assert "/tai-khoan/dang-nhap/" in response["Location"]
    for url, data in _post_urls():
        assert client.post(url, data).status_code in (302, 404), url
    assert Answer.objects.count() == 2 and Report.objects.count() == 1


def test_csrf_is_required_on_every_post(world, reported):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["teacher"])
    assert client.post(reverse("discussions:lesson", args=[world["lesson"].pk]),
                       {"text": "Câu hỏi"}).status_code == 403
    for url, data in _post_urls():
        assert client.post(url, data).status_code == 403, url
    assert Report.objects.get().state == "open" and Answer.objects.count() == 2


def test_parent_of_an_asker_sees_nothing_of_it(world, reported):
    """Minors' safety: a parent is an adult outside the class; no page shows them the
    thread (their child's question included) and they cannot post into it."""
    client = _as(world["parent"])
    assert client.get(reverse("discussions:question",
                              args=[reported["question"].pk])).status_code == 404


def test_learner_of_the_class_sees_no_hidden_post_teacher_does(world, reported):
    services.post_hide(actor=world["teacher"], question=reported["question"],
                       answer=reported["peer"])
    url = reverse("discussions:question", args=[reported["question"].pk])
    assert "Là người sẽ mua" not in _as(world["an"]).get(url).content.decode()
    assert "Là người sẽ mua" in _as(world["teacher"]).get(url).content.decode()
    services.post_hide(actor=world["teacher"], question=reported["question"])
    assert _as(world["an"]).get(url).status_code == 404
    lesson_url = reverse("discussions:lesson", args=[world["lesson"].pk])
    assert "Khách hàng mục tiêu" not in _as(world["binh"]).get(lesson_url).content.decode()
    assert "Khách hàng mục tiêu" in _as(world["head_b"]).get(lesson_url).content.decode()
