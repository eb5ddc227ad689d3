"""Grading of every question type on the server, including tricky input."""

import unicodedata

import pytest

from courses.quizzes import grading
from courses.quizzes.models import QuestionType
from tests.factories import course_with_lessons

from .helpers import add_question, querydict

pytestmark = pytest.mark.django_db


def test_fold_handles_nfd_case_spaces_and_d():
    nfd = unicodedata.normalize("NFD", "Khởi   Nghiệp  ĐỔI MỚI")
    assert grading.fold(nfd) == "khoi nghiep doi moi"
    assert grading.fold("  khởi nghiệp ") == grading.fold("KHOI NGHIEP")
    assert grading.normalise(nfd) == "khởi nghiệp đổi mới"


def _grade(question, response, *, match_order=None):
    options = list(question.options.all())
    by_id = {o.pk: o for o in options}
    return grading.is_correct(question, by_id, [o.pk for o in options],
                              match_order if match_order is not None else [], response)


def test_single_and_true_false():
    course, _ = course_with_lessons(1)
    q = add_question(course, QuestionType.SINGLE, "?", [("A", False), ("B", True)])
    assert _grade(q, 1) is True
    assert _grade(q, 0) is False
    assert _grade(q, 7) is False
    assert _grade(q, None) is False
    tf = add_question(course, QuestionType.TRUE_FALSE, "?", [("Đúng", True), ("Sai", False)])
    assert _grade(tf, 0) is True and _grade(tf, 1) is False


def test_multiple_needs_exactly_the_correct_set():
    course, _ = course_with_lessons(1)
    q = add_question(course, QuestionType.MULTIPLE, "?", [("A", True), ("B", True), ("C", False)])
    assert _grade(q, [0, 1]) is True
    assert _grade(q, [0]) is False
    assert _grade(q, [0, 1, 2]) is False


def test_short_answer_accent_insensitive_and_strict():
    course, _ = course_with_lessons(1)
    q = add_question(course, QuestionType.SHORT, "?", [("Khởi nghiệp", True)])
    assert _grade(q, "  KHOI   nghiep ") is True
    assert _grade(q, unicodedata.normalize("NFD", "khởi nghiệp")) is True
    assert _grade(q, "khoi nghiem") is False
    strict = add_question(course, QuestionType.SHORT, "?", [("Đà Nẵng", True)],
                          accent_insensitive=False)
    assert _grade(strict, unicodedata.normalize("NFD", "  đà  NẴNG")) is True
    assert _grade(strict, "da nang") is False


def test_matching_uses_shown_positions_not_ids():
    course, _ = course_with_lessons(1)
    q = add_question(course, QuestionType.MATCHING, "?",
                     [("A", True, "1"), ("B", True, "2"), ("C", True, "3")])
    ids = [o.pk for o in q.options.all()]
    match_order = [ids[2], ids[0], ids[1]]  # shown right-hand sides: 3, 1, 2
    assert _grade(q, [1, 2, 0], match_order=match_order) is True
    assert _grade(q, [0, 1, 2], match_order=match_order) is False
    assert _grade(q, [1, 2, None], match_order=match_order) is False


def test_ordering():
    course, _ = course_with_lessons(1)
    q = add_question(course, QuestionType.ORDERING, "?", [("x", True), ("y", True), ("z", True)])
    assert _grade(q, [1, 2, 3]) is True
    assert _grade(q, [2, 1, 3]) is False
    assert _grade(q, [1, 2]) is False


def test_parse_response_drops_bad_input():
    data = querydict({"q1": "9", "q2": ["0", "x", "2", "2"], "q3": "   ", "q4_0": "1",
                      "q4_1": "-3"})
    assert grading.parse_response(QuestionType.SINGLE, 3, 0, data, "q1") is None
    assert grading.parse_response(QuestionType.MULTIPLE, 3, 0, data, "q2") == [0, 2]
    assert grading.parse_response(QuestionType.SHORT, 0, 0, data, "q3") is None
    assert grading.parse_response(QuestionType.MATCHING, 2, 2, data, "q4") == [1, None]
    assert grading.parse_response(QuestionType.ORDERING, 2, 0, data, "q4") == [1, None]
