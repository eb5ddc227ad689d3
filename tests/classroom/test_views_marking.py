"""The rubric, paper-work and extension pages: the teacher's path through them, what the
learner and the parent see, and every forbidden access (ids enumerated)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from lms.classroom import services
from lms.classroom.models import Assignment, Submission
from lms.classroom.rubrics import rubric_parse

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_teacher_builds_a_rubric_and_marks_with_it(world):
    a, teacher = world["assignment"], _as(world["teacher"])
    url = reverse("classroom:assignment_rubric", args=[a.pk])
    assert teacher.post(url, {"text": "Nội dung: Tốt 4\nsai dòng"}).status_code == 400
    response = teacher.post(url, {"text": "Nội dung: Đầy đủ 6; Khá 4\nTrình bày: Đẹp 4; Chưa 1"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert len(a.rubric) == 2
    assert "Đầy đủ 6; Khá 4" in teacher.get(url).content.decode()
    submission = services.submission_hand_in(actor=world["an"], assignment=a, text="x")
    mark_url = reverse("classroom:submission", args=[submission.pk])
    form = teacher.get(mark_url).content.decode()
    assert 'name="criterion_0"' in form and 'name="score"' not in form
    assert teacher.post(mark_url, {"criterion_0": "9", "criterion_1": "0"}).status_code == 400
    response = teacher.post(mark_url, {"criterion_0": "1", "criterion_1": "1",
                                       "comment": "Cần trình bày gọn hơn"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.score == Decimal("5.0")  # (4 + 1) / 10
    page = _as(world["an"]).get(reverse("classroom:assignment", args=[a.pk])).content.decode()
    assert "5" in page and "Khá" in page and "Cần trình bày gọn hơn" in page
    assert 'data-testid="rubric"' in page
    parent = _as(world["parent"])
    assert "Xem điểm theo tiêu chí" in parent.get(reverse("classroom:children")).content.decode()
    seen = parent.get(mark_url).content.decode()
    assert 'data-testid="rubric"' in seen and "Chưa" in seen and "criterion_0" not in seen
    csv = teacher.get(reverse("classroom:gradebook_csv", args=[world["class"].pk]))
    an_line = next(line for line in csv.content.decode("utf-8-sig").splitlines()
                   if world["an"].full_name in line)
    assert an_line.endswith(";5;5")


def test_rubric_score_shows_with_a_decimal_comma(world):
    a = world["assignment"]
    services.assignment_rubric_set(actor=world["teacher"], assignment=a,
                                   rubric=rubric_parse("A: Tốt 4; Khá 3\nB: Tốt 3; Đạt 1,5"))
    submission = services.submission_hand_in(actor=world["an"], assignment=a, text="x")
    services.submission_mark(actor=world["teacher"], submission=submission, comment="",
                             rubric_levels=[1, 1])
    page = _as(world["an"]).get(reverse("classroom:assignment", args=[a.pk])).content.decode()
    assert '<span data-testid="score">6,4</span>' in page and "1,5/3" in page


def test_paper_work_page(world):
    a, teacher = world["assignment"], _as(world["teacher"])
    url = reverse("classroom:mark_paper", args=[a.pk, world["binh"].pk])
    assert "Chấm bài trên giấy" in teacher.get(
        reverse("classroom:assignment", args=[a.pk])).content.decode()
    assert teacher.post(url, {"score": "12"}).status_code == 400
    assert teacher.post(url, {"score": "7,5", "comment": "Làm tại lớp"}).status_code == 302
    submission = Submission.objects.get(learner=world["binh"])
    assert submission.on_paper and submission.score == Decimal("7.5")
    # once scored, the page leads to the hand-in's own page
    response = teacher.get(url)
    assert response.status_code == 302 and str(submission.pk) in response["Location"]
    page = _as(world["binh"]).get(reverse("classroom:assignment", args=[a.pk])).content.decode()
    assert "7,5" in page and "Làm tại lớp" in page and "Nộp bài" not in page


def test_extension_page(world):
    a, teacher = world["assignment"], _as(world["teacher"])
    url = reverse("classroom:assignment_extensions", args=[a.pk])
    later = (a.due_at + dt.timedelta(days=3)).date()
    response = teacher.post(url, {"learner": world["an"].pk, "due_date": later.isoformat(),
                                  "due_time": "20:00"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert str(world["an"].pk) in a.extensions
    assert world["an"].full_name in teacher.get(url).content.decode()
    assert teacher.post(url, {"learner": world["other_learner"].pk, "due_date": "2031-01-01",
                              "due_time": "20:00"}).status_code == 400
    assert teacher.post(url, {"learner": world["an"].pk, "due_date": "x"}).status_code == 400
    page = _as(world["an"]).get(reverse("classroom:assignment", args=[a.pk])).content.decode()
    assert "được gia hạn" in page and "20:00" in page
    assert teacher.post(url, {"learner": world["an"].pk, "remove": "on"}).status_code == 302
    a.refresh_from_db()
    assert a.extensions == {}


def test_edit_form_chooses_learners(world):
    a = world["assignment"]
    local = a.due_at.astimezone(dt.timezone(dt.timedelta(hours=7)))
    response = _as(world["teacher"]).post(
        reverse("classroom:assignment_edit", args=[a.pk]),
        {"title": a.title, "due_date": local.date().isoformat(), "due_time": "21:00",
         "learners": [world["binh"].pk]})
    assert response.status_code == 302
    a.refresh_from_db()
    assert not a.for_everyone and list(a.assignees.all()) == [world["binh"]]
    assert _as(world["an"]).get(reverse("classroom:assignment", args=[a.pk])).status_code == 404


def _marking_urls(a, learner_id):
    return [reverse("classroom:assignment_rubric", args=[a.pk]),
            reverse("classroom:assignment_extensions", args=[a.pk]),
            reverse("classroom:mark_paper", args=[a.pk, learner_id])]


@pytest.mark.parametrize("who", ["other_teacher", "other_learner", "an", "binh", "parent"])
def test_marking_pages_are_closed_to_others_ids_enumerated(world, who):
    make = world["assignment"]
    client = _as(world[who])
    for a in Assignment.objects.all():
        for learner in (world["an"], world["binh"]):
            for url in _marking_urls(a, learner.pk):
                assert client.get(url).status_code in (403, 404), (who, url)
                response = client.post(url, {"text": "A: Tốt 10", "score": "10",
                                             "learner": learner.pk, "remove": "on"})
                assert response.status_code in (403, 404), (who, url)
    make.refresh_from_db()
    assert make.rubric == [] and make.extensions == {}
    assert not Submission.objects.exists()


def test_paper_marking_a_learner_the_work_is_not_set_for_is_404(world):
    a = world["assignment"]
    services.assignment_update(actor=world["teacher"], assignment=a, title=a.title,
                               instructions="", due_at=a.due_at, learners=[world["an"]])
    client = _as(world["teacher"])
    for learner in (world["binh"], world["other_learner"], world["parent"]):
        url = reverse("classroom:mark_paper", args=[a.pk, learner.pk])
        assert client.post(url, {"score": "5"}).status_code == 404
    assert not Submission.objects.exists()


def test_marking_pages_need_csrf(world):
    a = world["assignment"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["teacher"])
    for url in _marking_urls(a, world["an"].pk):
        assert client.post(url, {"text": "A: Tốt 10", "score": "9"}).status_code == 403
