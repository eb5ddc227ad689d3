"""Report counters follow a roster import at once (no hourly reconcile needed): joining,
moving class and profile changes, by single syncs for small batches and by a set-wise rebuild
when a batch touches many learners."""

import datetime

import pytest
from django.db.models import Sum

from lms.reports.models import Target, TargetLearner, TargetUnitCounter
from lms.units.models import Unit

from .helpers import student, xlsx_bytes
from .test_services_import import run


@pytest.fixture
def target(school):
    return Target.objects.create(
        code="khoi-nghiep", name="Học sinh được đào tạo khởi nghiệp", unit=school.so,
        threshold=90, period_label="2025-2026", period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2030, 12, 31))


def population(target, unit) -> int:
    return TargetUnitCounter.objects.filter(target=target, unit=unit).aggregate(
        n=Sum("population"))["n"] or 0


@pytest.mark.parametrize("sync_each_max", [200, 0], ids=["learner_sync", "rebuild"])
def test_counters_follow_the_import(settings, school, school_admin, target, sync_each_max):
    settings.HOCMO_ROSTER_SYNC_EACH_MAX = sync_each_max
    run(school_admin, school, xlsx_bytes(
        [student(n) for n in range(1, 4)] + [student(4, klass="10A2")]))
    assert TargetLearner.objects.filter(target=target).count() == 4
    assert population(target, school) == 4
    assert population(target, school.so) == 4
    a2 = Unit.objects.get(name="10A2")
    assert population(target, a2) == 1

    # HS00001 moves to 10A2 and HS00002's sex changes: the counters follow at once.
    run(school_admin, school, xlsx_bytes(
        [student(1, klass="10A2"), student(2, **{"Giới tính": "Nam"}), student(3),
         student(4, klass="10A2")]))
    assert population(target, a2) == 2
    assert population(target, school) == 4
    row = TargetLearner.objects.get(target=target, learner__learner_profile__learner_code="HS00002")
    assert row.sex == "M"


def test_no_target_no_sync(school, school_admin, django_assert_max_num_queries):
    """Without a target the import costs no per-learner report query."""
    content = xlsx_bytes([student(n) for n in range(1, 41)])
    with django_assert_max_num_queries(60):
        run(school_admin, school, content)
