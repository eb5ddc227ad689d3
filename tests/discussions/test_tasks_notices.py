"""Notices through the one notification service, digest-aware: the class's teacher hears of
new questions once per lesson, class and day; the asker of new answers once per question and
day; nobody hears of their own post; a task run again tells nobody twice."""

import pytest

from lms.discussions import services, tasks
from lms.notifications.models import Event, Notification

pytestmark = pytest.mark.django_db


def _events(user, event):
    return list(Notification.objects.filter(user=user, event=event))


@pytest.fixture
def eager(monkeypatch):
    for task in (tasks.question_announce, tasks.answer_announce):
        monkeypatch.setattr(task, "delay", lambda *args, task=task: task.apply(args=args))


def _ask(world, who, text):
    return services.question_ask(actor=world[who], lesson=world["lesson"],
                                 course_id=world["course"].pk, unit=world["class"], text=text)


def test_new_questions_reach_the_class_teacher_once_a_day(world, eager,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = _ask(world, "an", "Khách hàng mục tiêu là gì ạ?")
        _ask(world, "binh", "Chi phí cố định gồm những gì ạ?")
    notices = _events(world["teacher"], Event.QA_QUESTION_NEW)
    assert len(notices) == 1
    assert world["lesson"].title in notices[0].title and "Lớp 12A1" in notices[0].title
    assert notices[0].url.endswith(f"/bai-hoc/{world['lesson'].pk}/hoi-dap/")
    for outsider in ("other_teacher", "head_a", "an", "binh", "parent"):
        assert _events(world[outsider], Event.QA_QUESTION_NEW) == []
    assert tasks.question_announce.apply(args=[question.pk]).get() == 0  # a retry


def test_new_answers_reach_the_asker_not_the_answerer(world, eager,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = _ask(world, "an", "Khách hàng mục tiêu là gì ạ?")
        services.answer_post(actor=world["an"], question=question, text="Em bổ sung: ...")
    assert _events(world["an"], Event.QA_ANSWER_NEW) == []  # their own answer
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_post(actor=world["binh"], question=question, text="Người mua.")
        services.answer_post(actor=world["teacher"], question=question, text="Người cần.")
    notices = _events(world["an"], Event.QA_ANSWER_NEW)
    assert len(notices) == 1 and notices[0].url.endswith(f"/hoi-dap/cau-hoi/{question.pk}/")
    assert _events(world["binh"], Event.QA_ANSWER_NEW) == []


def test_hidden_posts_tell_nobody(world, asked):
    services.post_hide(actor=world["teacher"], question=asked["question"],
                       answer=asked["peer"])
    assert tasks.answer_announce.apply(args=[asked["peer"].pk]).get() is False
    services.post_hide(actor=world["teacher"], question=asked["question"])
    assert tasks.question_announce.apply(args=[asked["question"].pk]).get() == 0
