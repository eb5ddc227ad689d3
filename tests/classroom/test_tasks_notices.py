"""Notices through the one notification service: new work to the learners it is set for, a
reminder of work due within 24 hours to those who have not handed it in (once, however often
the task runs), and the mark to the learner (once per mark)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from lms.classroom import services, tasks
from lms.notifications.models import Event, Notification

from .factories import make_assignment

pytestmark = pytest.mark.django_db


def _events(user, event):
    return list(Notification.objects.filter(user=user, event=event))


def test_new_assignment_tells_the_learners_it_is_set_for(world, django_capture_on_commit_callbacks,
                                                         monkeypatch):
    monkeypatch.setattr(tasks.assignment_announce, "delay",
                        lambda *args: tasks.assignment_announce.apply(args=args))
    with django_capture_on_commit_callbacks(execute=True):
        assignment = make_assignment(world["class"], world["teacher"], title="Chỉ cho Bình",
                                     learners=[world["binh"]])
    notices = _events(world["binh"], Event.ASSIGNMENT_NEW)
    assert len(notices) == 1 and "Chỉ cho Bình" in notices[0].title
    assert "giờ Việt Nam" in notices[0].body
    assert notices[0].url.endswith(f"/lop/bai-tap/{assignment.pk}/")
    assert _events(world["an"], Event.ASSIGNMENT_NEW) == []
    assert _events(world["other_learner"], Event.ASSIGNMENT_NEW) == []
    # the task run again (a retry) tells nobody twice
    tasks.assignment_announce.apply(args=[assignment.pk])
    assert len(_events(world["binh"], Event.ASSIGNMENT_NEW)) == 1


def test_due_reminders_once_and_only_to_those_who_have_not_handed_in(world):
    soon = make_assignment(world["class"], world["teacher"], title="Sắp hạn",
                           due_in=dt.timedelta(hours=5))
    services.submission_hand_in(actor=world["binh"], assignment=soon, text="xong")
    assert tasks.due_reminders.apply().get() == 1
    assert tasks.due_reminders.apply().get() == 0
    reminders = _events(world["an"], Event.ASSIGNMENT_DUE)
    assert [n.title for n in reminders] == [n.title for n in reminders if "Sắp hạn" in n.title]
    assert len(reminders) == 1
    assert _events(world["binh"], Event.ASSIGNMENT_DUE) == []
    # the class's first assignment is due in two days: not yet
    assert all("Bài tập 1" not in n.title for n in Notification.objects.all())


def test_returned_mark_tells_the_learner_in_their_language(world, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    monkeypatch.setattr(tasks.submission_returned, "delay",
                        lambda *args: tasks.submission_returned.apply(args=args))
    submission = services.submission_hand_in(actor=world["an"], assignment=world["assignment"],
                                             text="x")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_mark(actor=world["teacher"], submission=submission,
                                 score=Decimal("8.5"), comment="Tốt")
    with django_capture_on_commit_callbacks(execute=True):  # the same mark saved again
        services.submission_mark(actor=world["teacher"], submission=submission,
                                 score=Decimal("8.5"), comment="Rất tốt")
    notices = _events(world["an"], Event.SUBMISSION_RETURNED)
    assert len(notices) == 1 and "8,5" in notices[0].title
    assert timezone.now() - notices[0].created_at < dt.timedelta(minutes=1)
