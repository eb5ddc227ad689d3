"""Lesson questions' services: who may ask, answer, accept, report, hide; the rate limit."""

import pytest

from lms.discussions import services
from lms.discussions.models import Question, Report, ReportState

pytestmark = pytest.mark.django_db


def _ask(world, who="an", text="Em chưa hiểu phần chi phí ạ?"):
    return services.question_ask(actor=world[who], lesson=world["lesson"],
                                 course_id=world["course"].pk, unit=world["class"], text=text)


def test_learner_asks_classmate_and_teacher_answer_asker_accepts(world, asked):
    question = asked["question"]
    assert question.unit == world["class"] and question.course_id == world["course"].pk
    assert services.answer_accept(actor=world["an"], answer=asked["peer"]) is True
    question.refresh_from_db()
    assert question.accepted_answer == asked["peer"]
    # the teacher replaces the accepted answer; accepting it again takes the mark off
    assert services.answer_accept(actor=world["teacher"], answer=asked["teacher_answer"])
    question.refresh_from_db()
    assert question.accepted_answer == asked["teacher_answer"]
    assert services.answer_accept(actor=world["teacher"],
                                  answer=asked["teacher_answer"]) is False
    question.refresh_from_db()
    assert question.accepted_answer is None


@pytest.mark.parametrize("who", ["chi", "other_learner", "teacher", "other_teacher", "parent",
                                 "head_b"])
def test_only_enrolled_members_of_the_class_ask(world, who):
    with pytest.raises(PermissionError):
        _ask(world, who)
    assert not Question.objects.exists()


@pytest.mark.parametrize("who", ["chi", "other_learner", "other_teacher", "parent", "head_a"])
def test_outsiders_neither_answer_accept_report_nor_hide(world, asked, who):
    question, answer = asked["question"], asked["peer"]
    with pytest.raises(PermissionError):
        services.answer_post(actor=world[who], question=question, text="x")
    with pytest.raises(PermissionError):
        services.answer_accept(actor=world[who], answer=answer)
    with pytest.raises(PermissionError):
        services.post_report(actor=world[who], question=question, answer=answer)
    with pytest.raises(PermissionError):
        services.post_hide(actor=world[who], question=question)
    with pytest.raises(PermissionError):
        services.reports_dismiss(actor=world[who], question=question)
    assert question.answers.count() == 2 and not Report.objects.exists()


def test_a_classmate_may_not_accept_for_the_asker(world, asked):
    with pytest.raises(PermissionError):
        services.answer_accept(actor=world["binh"], answer=asked["teacher_answer"])


def test_report_once_then_hide_resolves_and_restore(world, asked):
    question, answer = asked["question"], asked["peer"]
    assert services.post_report(actor=world["an"], question=question, answer=answer,
                                reason="Trả lời không đúng")
    assert services.post_report(actor=world["an"], question=question, answer=answer) is None
    services.post_report(actor=world["binh"], question=question)  # the question itself
    services.answer_accept(actor=world["an"], answer=answer)
    services.post_hide(actor=world["head_b"], question=question, answer=answer)
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.hidden_at is not None and question.accepted_answer is None
    assert Report.objects.get(answer=answer).state == ReportState.HIDDEN
    assert Report.objects.get(answer__isnull=True).state == ReportState.OPEN
    # hidden: classmates can no longer accept it nor answer a hidden question
    with pytest.raises(PermissionError):
        services.answer_accept(actor=world["an"], answer=answer)
    assert services.reports_dismiss(actor=world["teacher"], question=question) == 1
    services.post_hide(actor=world["teacher"], question=question, answer=answer, hidden=False)
    answer.refresh_from_db()
    assert answer.hidden_at is None


def test_hidden_question_takes_no_answers(world, asked):
    services.post_hide(actor=world["teacher"], question=asked["question"])
    with pytest.raises(PermissionError):
        services.answer_post(actor=world["binh"], question=asked["question"], text="x")


def test_asking_is_rate_limited(world):
    for n in range(services.QUESTIONS_PER_WINDOW):
        _ask(world, text=f"Câu hỏi số {n}")
    with pytest.raises(services.TooManyPosts):
        _ask(world, text="Một câu nữa")
    assert Question.objects.count() == services.QUESTIONS_PER_WINDOW
    _ask(world, who="binh")  # per person
