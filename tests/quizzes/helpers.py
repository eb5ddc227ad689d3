"""Builders for quiz tests: a course whose last lesson holds a quiz, and one question per type."""

import json

from courses.models import LessonPage
from courses.quizzes.models import Question, QuestionOption, QuestionType
from tests.factories import course_with_lessons

QUIZ_DEFAULTS = {"title": "Kiểm tra cuối khóa", "intro": "", "question_count": 6, "tags": "",
                 "time_limit_minutes": 10, "attempts_allowed": 3, "pass_mark": 70,
                 "show_answers": True, "pass_feedback": "Chúc mừng!", "fail_feedback": "Ôn lại."}


def quiz_body(**settings) -> str:
    return json.dumps([{"type": "paragraph", "value": "<p>Làm bài kiểm tra.</p>"},
                       {"type": "quiz", "value": {**QUIZ_DEFAULTS, **settings}}],
                      ensure_ascii=False)


def course_with_quiz(n_lessons: int = 2, **settings):
    """A course whose last lesson has a quiz block; returns (course, lessons, quiz_lesson)."""
    course, lessons = course_with_lessons(n_lessons)
    quiz_lesson = lessons[-1]
    quiz_lesson.body = quiz_body(**settings)
    quiz_lesson.save_revision().publish()
    quiz_lesson = LessonPage.objects.get(pk=quiz_lesson.pk)
    return course, lessons, quiz_lesson


def add_question(course, qtype, text, options, **fields) -> Question:
    """options: list of (text, is_correct) or (text, is_correct, match_text); given in the
    correct order for ordering questions."""
    question = Question.objects.create(course=course, qtype=qtype, text=text, **fields)
    for n, option in enumerate(options):
        text_, correct, *rest = option
        QuestionOption.objects.create(question=question, text=text_, is_correct=correct,
                                      match_text=rest[0] if rest else "", sort_order=n)
    return question


def one_of_each(course) -> dict[str, Question]:
    return {
        QuestionType.SINGLE: add_question(course, QuestionType.SINGLE, "Vốn ban đầu gọi là gì?",
                                          [("Vốn khởi nghiệp", True), ("Lãi", False),
                                           ("Thuế", False)]),
        QuestionType.MULTIPLE: add_question(course, QuestionType.MULTIPLE,
                                            "Chọn các kênh bán hàng trực tuyến",
                                            [("Mạng xã hội", True), ("Sàn thương mại điện tử",
                                                                     True), ("Tờ rơi", False)]),
        QuestionType.TRUE_FALSE: add_question(course, QuestionType.TRUE_FALSE,
                                              "Khách hàng mục tiêu là mọi người.",
                                              [("Đúng", False), ("Sai", True)]),
        QuestionType.SHORT: add_question(course, QuestionType.SHORT,
                                         "Bản kế hoạch kinh doanh một trang gọi là gì?",
                                         [("Mô hình kinh doanh Canvas", True),
                                          ("Canvas", True)]),
        QuestionType.MATCHING: add_question(course, QuestionType.MATCHING, "Ghép khái niệm",
                                            [("Doanh thu", True, "Tiền thu được"),
                                             ("Chi phí", True, "Tiền bỏ ra"),
                                             ("Lợi nhuận", True, "Doanh thu trừ chi phí")]),
        QuestionType.ORDERING: add_question(course, QuestionType.ORDERING,
                                            "Sắp xếp các bước khởi nghiệp",
                                            [("Tìm ý tưởng", True), ("Lập kế hoạch", True),
                                             ("Thử nghiệm sản phẩm", True)]),
    }


def correct_post(attempt) -> dict:
    """The POST data that answers every question of `attempt` correctly (used by tests only:
    it reads the key from the database, as the server does when grading)."""
    from courses.quizzes.models import AttemptAnswer

    data: dict = {}
    for answer in AttemptAnswer.objects.filter(attempt=attempt).select_related("question"):
        q = answer.question
        opts = {o.pk: o for o in q.options.all()}
        shown = [opts[i] for i in answer.option_order]
        prefix = f"q{answer.position}"
        if q.qtype in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
            data[prefix] = str(next(i for i, o in enumerate(shown) if o.is_correct))
        elif q.qtype == QuestionType.MULTIPLE:
            data[prefix] = [str(i) for i, o in enumerate(shown) if o.is_correct]
        elif q.qtype == QuestionType.SHORT:
            data[prefix] = shown[0].text
        elif q.qtype == QuestionType.MATCHING:
            for i, o in enumerate(shown):
                data[f"{prefix}_{i}"] = str(answer.match_order.index(o.pk))
        elif q.qtype == QuestionType.ORDERING:
            ranked = sorted(shown, key=lambda o: o.sort_order)
            for i, o in enumerate(shown):
                data[f"{prefix}_{i}"] = str(ranked.index(o) + 1)
    return data


def querydict(data: dict):
    from django.http import QueryDict

    qd = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            qd.setlist(key, value)
        else:
            qd[key] = value
    return qd
