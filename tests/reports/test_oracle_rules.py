"""The oracle itself (tests/reports/oracle.py) against figures worked out by hand, so the
machine and the scenario compare the app with something known to be right: the period's
bounds in the site's time zone, min_courses, certificates revoked, the newest class, R2, R3.
Where the app has the rule already, `reports_rebuild` is checked to agree too."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from courses.certificates.models import Certificate
from courses.models import CourseCompletion
from lms.reports.models import Target, TargetLearner
from lms.reports.services import rebuild
from tests.concurrency import needs_postgres  # noqa: F401 - fixture

from . import oracle
from . import oracle_world as w

pytestmark = [pytest.mark.django_db, pytest.mark.postgres,
              pytest.mark.usefixtures("needs_postgres", "celery_in_process")]

HCM = datetime.timezone(datetime.timedelta(hours=7))


def _user(name):
    return w.User.objects.get(username=name)


def _rebuilt_trained(target) -> set[int]:
    sid = transaction.savepoint()
    try:
        rebuild.target_rebuild(Target.objects.select_related("unit").get(pk=target.pk))
        return set(TargetLearner.objects.filter(target=target, trained=True)
                   .values_list("learner_id", flat=True))
    finally:
        transaction.savepoint_rollback(sid)


def _trained(target) -> set[int]:
    return {pk for pk, p in oracle.people(target.pk).items() if p["trained_at"]}


def test_the_period_starts_at_midnight_in_vietnam(world):
    bo_kn = world["targets"][0]
    course_a = world["courses"][0][0]
    early, on_time = _user("hs-o-6"), _user("hs-o-7")
    CourseCompletion.objects.create(user=early, course=course_a, completed_at=datetime.datetime(
        2024, 12, 31, 23, 59, 59, tzinfo=HCM))
    CourseCompletion.objects.create(user=on_time, course=course_a,
                                    completed_at=datetime.datetime(2025, 1, 1, tzinfo=HCM))
    # … and ends after the whole of period_end (2030-12-31, Vietnam time).
    last, late = _user("hs-o-5"), _user("hs-o-4")
    CourseCompletion.objects.create(user=last, course=course_a, completed_at=datetime.datetime(
        2030, 12, 31, 23, 59, 59, tzinfo=HCM))
    CourseCompletion.objects.create(user=late, course=course_a,
                                    completed_at=datetime.datetime(2031, 1, 1, tzinfo=HCM))
    assert _trained(bo_kn) == {on_time.pk, last.pk}
    assert _rebuilt_trained(bo_kn) == {on_time.pk, last.pk}


def test_min_courses_counts_the_nth_event(world):
    bo_kn = world["targets"][0]
    Target.objects.filter(pk=bo_kn.pk).update(min_courses=2)
    (course_a, _), (course_b, _) = world["courses"]
    one, two = _user("hs-o-0"), _user("hs-o-1")
    first = timezone.now() - datetime.timedelta(days=2)
    CourseCompletion.objects.create(user=one, course=course_a, completed_at=first)
    CourseCompletion.objects.create(user=two, course=course_a, completed_at=first)
    CourseCompletion.objects.create(user=two, course=course_b, completed_at=timezone.now())
    people = oracle.people(bo_kn.pk)
    assert people[one.pk]["trained_at"] is None
    assert people[two.pk]["trained_at"] > first
    assert _rebuilt_trained(bo_kn) == {two.pk}


def test_only_valid_certificates_of_the_targets_courses_count(world):
    so_b_cc = world["targets"][2]
    (course_a, _), (course_b, _) = world["courses"]
    holder, revoked, other_course = _user("hs-o-4"), _user("hs-o-5"), _user("hs-o-4")
    now = timezone.now()
    for user, course, code, revoked_at in ((holder, course_a, "HMORACLE01", None),
                                           (revoked, course_a, "HMORACLE02", now),
                                           (other_course, course_b, "HMORACLE03", None)):
        Certificate.objects.create(user=user, course=course, code=code, issued_at=now,
                                   learner_name="x", course_title="x", revoked_at=revoked_at)
    assert _trained(so_b_cc) == {holder.pk}
    assert _rebuilt_trained(so_b_cc) == {holder.pk}


def test_a_learner_counts_once_in_the_newest_class(world):
    bo_kn, so_b_cc = world["targets"][0], world["targets"][2]
    learner = _user("hs-o-5")  # 11C (Sở B), then also 9A (Sở A)
    w.class_change(learner, w.unit("X9A"), keep_old=True)
    assert oracle.people(bo_kn.pk)[learner.pk]["class_id"] == w.unit("X9A").pk
    assert learner.pk not in oracle.people(so_b_cc.pk)  # 9A is not in Sở B
    counters = oracle.totals(oracle.counters(bo_kn.pk))
    assert counters[w.unit("BO").pk] == (8, 0)
    assert counters[w.unit("X9A").pk] == (3, 0)
    assert w.unit("Y11C").pk not in counters


def test_deactivated_accounts_count_nowhere_and_unknown_is_its_own_group(world):
    bo_kn = world["targets"][0]
    gone, unknown = _user("hs-o-0"), _user("hs-o-1")
    w.account_active_set(gone, False)
    w.profile_correct(unknown, "ethnicity", "")
    people = oracle.people(bo_kn.pk)
    assert gone.pk not in people
    assert (people[unknown.pk]["ethnicity"], people[unknown.pk]["minority"]) == ("", None)
    assert people[_user("hs-o-2").pk]["minority"] is False  # Kinh
    assert people[_user("hs-o-3").pk]["minority"] is True  # Mông


def test_employed_counts_when_the_latest_outcome_is_employment(world):
    from lms.careers.models import EmploymentOutcome

    target = Target.objects.create(
        code="bo-vl", name="Có việc làm sau đào tạo", unit=w.unit("BO"), threshold=70,
        rule="employed", period_label="2025-2030", period_start=w.PERIOD_START,
        period_end=w.PERIOD_END)
    lost, found = _user("hs-o-0"), _user("hs-o-1")
    day = datetime.date(2026, 3, 1)
    for user, statuses in ((lost, ("employed", "seeking")), (found, ("seeking",
                                                                    "self_employed"))):
        for n, status in enumerate(statuses):
            EmploymentOutcome.objects.create(
                learner=user, status=status, source="school",
                date=day + datetime.timedelta(days=n),
                recorded_at=datetime.datetime(2026, 3, 1 + n, 9, tzinfo=HCM))
    people = oracle.people(target.pk)
    assert people[lost.pk]["trained_at"] is None
    assert people[found.pk]["trained_at"] == datetime.datetime(2026, 3, 2, 9, tzinfo=HCM)
    assert _rebuilt_trained(target) == {found.pk}
