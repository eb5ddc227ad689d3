"""The pages: ask, answer, accept, report, moderate; plain text shown escaped; limits; the
lesson page links to the Q&A page and keeps no question in its cached body."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.discussions import services
from lms.discussions.models import QUESTION_MAX, Question, Report, ReportState

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_ask_answer_accept_through_the_pages(world):
    url = reverse("discussions:lesson", args=[world["lesson"].pk])
    an = _as(world["an"])
    page = an.get(url)
    assert page.status_code == 200 and "Đặt câu hỏi" in page.content.decode()
    response = an.post(url, {"text": "Chi phí biến đổi là gì ạ?"})
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("discussions:question", args=[question.pk])
    teacher = _as(world["teacher"])
    assert teacher.post(reverse("discussions:answer", args=[question.pk]),
                        {"text": "Chi phí thay đổi theo số lượng bán."}).status_code == 302
    answer = question.answers.get()
    assert an.post(reverse("discussions:accept", args=[answer.pk])).status_code == 302
    question.refresh_from_db()
    assert question.accepted_answer == answer
    thread = an.get(reverse("discussions:question", args=[question.pk])).content.decode()
    assert "Câu trả lời đúng" in thread and "Bỏ chọn câu trả lời đúng" in thread
    # a classmate reads it but has no accept button
    binh = _as(world["binh"]).get(reverse("discussions:question", args=[question.pk]))
    assert "Chi phí thay đổi" in binh.content.decode()
    assert "Chọn là câu trả lời đúng" not in binh.content.decode()


def test_text_is_plain_escaped_and_links_are_not_active(world):
    text = 'Xem <a href="https://lua-dao.example/">đây</a> <script>alert(1)</script> https://x.example'
    an = _as(world["an"])
    an.post(reverse("discussions:lesson", args=[world["lesson"].pk]), {"text": text})
    question = Question.objects.get()
    html = an.get(reverse("discussions:question", args=[question.pk])).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert 'href="https://lua-dao.example/"' not in html and 'href="https://x.example' not in html


def test_limits_and_bad_input_never_500(world, asked):
    an = _as(world["an"])
    url = reverse("discussions:lesson", args=[world["lesson"].pk])
    assert an.post(url, {"text": "x" * (QUESTION_MAX + 1)}).status_code == 400
    assert an.post(url, {"text": "  ?  "}).status_code == 400
    assert an.post(url, {"text": "Câu hỏi hợp lệ", "lop": "abc"}).status_code == 400
    assert an.post(url, {"text": "Câu hỏi hợp lệ", "lop": world["other_class"].pk}
                   ).status_code == 400
    assert an.get(url + "?trang=zzz").status_code == 200
    qid = asked["question"].pk
    assert an.post(reverse("discussions:answer", args=[qid]), {"text": ""}).status_code == 400
    assert an.post(reverse("discussions:report_question", args=[qid]),
                   {"reason": "x" * 301}).status_code == 400
    teacher = _as(world["teacher"])
    assert teacher.post(reverse("discussions:hide_question", args=[qid]),
                        {"an": "maybe"}).status_code == 404
    assert an.get(reverse("discussions:answer", args=[qid])).status_code == 405
    assert Question.objects.count() == 1


def test_posting_too_often_is_refused_with_429(world):
    an = _as(world["an"])
    url = reverse("discussions:lesson", args=[world["lesson"].pk])
    for n in range(services.QUESTIONS_PER_WINDOW):
        assert an.post(url, {"text": f"Câu hỏi số {n} ạ"}).status_code == 302
    response = an.post(url, {"text": "Câu hỏi thêm nữa"})
    assert response.status_code == 429 and "thử lại sau" in response.content.decode()


def test_moderation_queue_hide_and_dismiss(world, asked):
    services.post_report(actor=world["an"], question=asked["question"],
                         answer=asked["peer"], reason="Trêu bạn")
    services.post_report(actor=world["binh"], question=asked["question"], reason="Lạc đề")
    teacher = _as(world["teacher"])
    queue = teacher.get(reverse("discussions:moderation"))
    html = queue.content.decode()
    assert queue.status_code == 200 and "Trêu bạn" in html and "Lạc đề" in html
    peer_report = Report.objects.get(answer=asked["peer"])
    response = teacher.post(reverse("discussions:hide_answer", args=[asked["peer"].pk]),
                            {"an": "1", "next": reverse("discussions:moderation")})
    assert response["Location"] == reverse("discussions:moderation")
    peer_report.refresh_from_db()
    assert peer_report.state == ReportState.HIDDEN
    question_report = Report.objects.get(answer__isnull=True)
    assert teacher.post(reverse("discussions:dismiss", args=[question_report.pk])
                        ).status_code == 302
    question_report.refresh_from_db()
    assert question_report.state == ReportState.DISMISSED
    html = teacher.get(reverse("discussions:moderation")).content.decode()
    assert "Không có báo cáo nào đang chờ." in html and "Hiện lại" in html
    assert _as(world["an"]).get(reverse("discussions:moderation")).status_code == 404


def test_learner_page_is_small(world):
    for _n in range(25):
        Question.objects.create(lesson=world["lesson"], course=world["course"],
                                unit=world["class"], author=world["an"], text="Câu hỏi " * 150)
    body = _as(world["binh"]).get(reverse("discussions:lesson", args=[world["lesson"].pk]))
    assert body.status_code == 200 and len(body.content) < 150_000
    assert "trang=2" in body.content.decode()


def test_lesson_page_links_to_questions_but_never_shows_them(world, asked):
    lesson_url = world["lesson"].url
    html = _as(world["an"]).get(lesson_url).content.decode()
    assert reverse("discussions:lesson", args=[world["lesson"].pk]) in html
    assert "Khách hàng mục tiêu" not in html
    # the same skeleton for a classmate: still no question text, the link there too
    html = _as(world["binh"]).get(lesson_url).content.decode()
    assert "Khách hàng mục tiêu" not in html
    assert reverse("discussions:lesson", args=[world["lesson"].pk]) in html


def test_lesson_page_queries_do_not_grow_with_questions(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("discussions:lesson", args=[world["lesson"].pk])
    counts = []
    for extra in (2, 20):
        for _n in range(extra):
            Question.objects.create(lesson=world["lesson"], course=world["course"],
                                    unit=world["class"], author=world["an"], text="Câu hỏi?")
        client = _as(world["binh"])
        client.get(url)  # session and per-worker caches warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    print("lesson Q&A page SQL:", counts)
    assert counts[0] == counts[1] and counts[1] <= 10  # 9 measured (SQLite)
