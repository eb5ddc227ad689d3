"""The daily reminder: lead-unit officers of overdue tasks, once per task, person and day."""

import datetime

import pytest

from lms.notifications.models import Notification
from lms.plans.models import PlanTask, TaskStatus
from lms.plans.services import overdue_reminders
from lms.plans.tasks import overdue_reminders_task

pytestmark = pytest.mark.django_db
LATE = datetime.date(2026, 4, 2)  # task 1 (deadline 31/3) is overdue, task 2 is not


def test_reminds_lead_unit_officers_once_a_day(people, plan, task1):
    assert overdue_reminders(LATE) == 1
    note = Notification.objects.get()
    assert note.user == people["officer_a"]  # lead unit Sở A: not the ministry above it
    assert "Quá hạn" in note.title or "quá hạn" in note.title
    assert note.url == f"/ke-hoach/{plan.pk}/nhiem-vu/{task1.pk}/"
    assert note.dedupe_key == f"plan_overdue:{task1.pk}:2026-04-02"
    assert overdue_reminders(LATE) == 0  # a re-run the same day sends nothing
    assert Notification.objects.count() == 1
    assert overdue_reminders(LATE + datetime.timedelta(days=1)) == 1  # the next day, again
    assert Notification.objects.count() == 2


def test_no_reminder_for_done_tasks_untracked_plans_or_before_the_deadline(people, plan, task1):
    assert overdue_reminders(datetime.date(2026, 3, 31)) == 0  # deadline day itself
    PlanTask.objects.filter(pk=task1.pk).update(status=TaskStatus.DONE)
    assert overdue_reminders(LATE) == 0
    PlanTask.objects.filter(pk=task1.pk).update(status=TaskStatus.IN_PROGRESS)
    plan.is_tracked = False
    plan.save()
    assert overdue_reminders(LATE) == 0
    assert not Notification.objects.exists()


def test_celery_task_uses_todays_local_date(people, plan, task1, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: LATE)
    assert overdue_reminders_task.apply().get() == 1
    assert overdue_reminders_task.apply().get() == 0


def test_beat_schedule_runs_daily():
    from lms.celery import app

    entry = app.conf.beat_schedule["plans-overdue-reminders"]
    assert entry["task"] == "plans.overdue_reminders"
    assert entry["schedule"].hour == {7}
