"""Overdue is computed from the deadline and the server's local date (Asia/Ho_Chi_Minh)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.plans import selectors
from lms.plans.models import PlanTask, TaskStatus

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


def _at(monkeypatch, moment: datetime.datetime):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_overdue_uses_the_vietnamese_date_not_utc(monkeypatch, task1):
    # 31/3 17:30 UTC is already 1/4 00:30 in Hà Nội: the 31/3 deadline has passed.
    _at(monkeypatch, datetime.datetime(2026, 3, 31, 17, 30, tzinfo=UTC))
    assert selectors.today() == datetime.date(2026, 4, 1)
    assert selectors.task_is_overdue(task1)
    # 31/3 16:30 UTC is 23:30 on 31/3 locally: still the deadline day, not overdue.
    _at(monkeypatch, datetime.datetime(2026, 3, 31, 16, 30, tzinfo=UTC))
    assert not selectors.task_is_overdue(task1)


def test_done_tasks_and_tasks_without_deadline_are_never_overdue(task1, task2):
    late = datetime.date(2027, 1, 1)
    assert selectors.task_is_overdue(task1, late)
    task1.status = TaskStatus.DONE
    assert not selectors.task_is_overdue(task1, late)
    task2.deadline = None
    assert not selectors.task_is_overdue(task2, late)


def test_plan_tasks_filters_and_marks(plan, task1, task2, tree):
    day = datetime.date(2026, 5, 1)  # task 1 (31/3) is late, task 2 (15/12) is not
    PlanTask.objects.filter(pk=task2.pk).update(status=TaskStatus.IN_PROGRESS)
    rows = selectors.plan_tasks(plan, day=day)
    assert [(t.number, t.overdue, t.days_overdue) for t in rows] == [("1", True, 31),
                                                                       ("2", False, 0)]
    assert [t.number for t in selectors.plan_tasks(plan, status="overdue", day=day)] == ["1"]
    assert [t.number for t in selectors.plan_tasks(plan, status="in_progress", day=day)] == ["2"]
    # A unit filter matches lead and cooperating units.
    assert [t.number for t in selectors.plan_tasks(plan, unit_id=tree["school_x"].pk,
                                                   day=day)] == ["1"]
    assert [t.number for t in selectors.plan_tasks(plan, unit_id=tree["phong"].pk,
                                                   day=day)] == ["2"]
    counts = selectors.plan_counts(plan, day)
    assert (counts["total"], counts["overdue"], counts["in_progress"]) == (2, 1, 1)


def test_status_text_spells_out_overdue(plan):
    task = selectors.plan_tasks(plan, day=datetime.date(2026, 4, 10))[0]
    assert selectors.task_status_text(task) == "Chưa bắt đầu — Quá hạn 10 ngày"


def test_plan_page_flags_overdue_with_text(client, people, plan, monkeypatch):
    _at(monkeypatch, datetime.datetime(2026, 4, 10, 3, 0, tzinfo=UTC))
    client.force_login(people["officer_a"])
    url = reverse("plans:plan_detail", args=[plan.pk])
    html = client.get(url + "?trang-thai=overdue").content.decode()
    assert "Quá hạn 10 ngày" in html
    assert "Thành lập câu lạc bộ khởi nghiệp" in html
    assert "Tập huấn giáo viên hướng nghiệp" not in html
    # The parameter's old English name still filters (issue 17: old links keep working).
    old = client.get(url + "?status=overdue").content.decode()
    assert "Quá hạn 10 ngày" in old and "Tập huấn giáo viên hướng nghiệp" not in old
    assert 'name="trang-thai"' in html and 'name="don-vi"' in html


def test_plan_page_shows_target_attainment_from_counters(client, people, plan, tree):
    from lms.reports.models import Target, TargetUnitCounter

    target = Target.objects.create(
        code="kn-90", name="90% học sinh được học khởi nghiệp", unit=tree["bo"], threshold=90,
        period_label="2026", period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31))
    TargetUnitCounter.objects.create(target=target, unit=tree["so_a"], population=40,
                                     trained=30)
    plan.targets.add(target)
    figure = selectors.plan_attainments(plan)[0]
    assert (figure.unit, figure.population, figure.trained, figure.gap) == (tree["so_a"], 40,
                                                                           30, 6)
    client.force_login(people["head_x"])
    html = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "90% học sinh được học khởi nghiệp" in html and "30/40" in html
