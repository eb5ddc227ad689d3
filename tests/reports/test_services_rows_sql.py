"""The set-based rows (rows_sql: one INSERT … SELECT) are exactly the Python rebuild's
(`rebuild.target_rows`) for any people, roles, profiles, events and target filters — on SQLite
and on PostgreSQL — and the set-based counters equal `counters_recount`'s."""

import datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.certificates.models import Certificate
from courses.models import CourseCompletion
from lms.accounts.models import LearnerProfile, User
from lms.reports.models import Target, TargetLearner
from lms.reports.services import rebuild, rows_sql
from lms.units.models import Role, RoleKind, Unit
from tests.factories import ProgrammeFactory, course_with_lessons

from .helpers import counters_snapshot

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))  # the site's zone: the period's edges
START, END = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
TIMES = [datetime.datetime(2024, 12, 31, 23, 59, tzinfo=TZ),  # just before the period
         datetime.datetime(2025, 1, 1, 0, 0, tzinfo=TZ),  # its first instant
         datetime.datetime(2025, 6, 1, 8, 0, tzinfo=TZ),
         datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=TZ),  # its last second
         datetime.datetime(2026, 1, 1, 0, 0, tzinfo=TZ)]  # just after
# On and just after the age limits' edges at the period's end (17 and 18 on 31/12/2025).
BIRTHS = [None, datetime.date(2007, 12, 31), datetime.date(2008, 1, 1),
          datetime.date(2008, 12, 31), datetime.date(2009, 1, 1), datetime.date(2008, 2, 29)]
PLACES = ["x1", "x2", "y1", "z1", "school_x", "phong"]

profile = st.none() | st.fixed_dictionaries({
    "sex": st.sampled_from(["F", "M", ""]), "ethnicity": st.sampled_from(["01", "08", ""]),
    "household_status": st.sampled_from(["poor", "near_poor", "none", ""]),
    "grade": st.sampled_from([None, 0, 5, 12]),
    "expected_graduation_year": st.sampled_from([None, 2026, 2027]),
    "date_of_birth": st.sampled_from(BIRTHS)})
role = st.tuples(st.sampled_from([RoleKind.LEARNER, RoleKind.TEACHER]),
                 st.sampled_from(PLACES), st.integers(0, 2), st.booleans())
person = st.fixed_dictionaries({
    "active": st.sampled_from([True, True, False]), "profile": profile,
    "roles": st.lists(role, max_size=3, unique_by=lambda r: (r[0], r[1])),
    "completions": st.lists(st.tuples(st.integers(0, 2), st.sampled_from(TIMES)), max_size=3,
                            unique_by=lambda c: c[0]),
    "certificates": st.lists(st.tuples(st.integers(0, 2), st.sampled_from(TIMES),
                                       st.booleans()), max_size=2, unique_by=lambda c: c[0])})
target_spec = st.fixed_dictionaries({
    "unit": st.sampled_from(["bo", "so_a", "phong", "school_x"]),
    "population": st.sampled_from(["learners", "learners", "teachers"]),
    "school_levels": st.sampled_from([[], ["upper_secondary"], ["primary", "upper_secondary"]]),
    "grades": st.sampled_from([[], [12], [0, 5]]),
    "graduation_year": st.sampled_from([None, 2026]),
    "household": st.sampled_from(["any", "poor", "poor_near"]),
    "age_min": st.sampled_from([None, 15, 17]), "age_max": st.sampled_from([None, 16, 17]),
    "rule": st.sampled_from(["course", "programme", "certificate"]),
    "courses": st.sampled_from([[0], [1, 2], []]), "programme": st.sampled_from([0, 1, None]),
    "min_courses": st.sampled_from([0, 1, 2])})


@pytest.fixture
def three_courses(db):
    startup, stem = ProgrammeFactory(), ProgrammeFactory(code="stem", name="STEM")
    return [course_with_lessons(1, slug="kn-1", programme=startup)[0],
            course_with_lessons(1, slug="kn-2", programme=startup)[0],
            course_with_lessons(1, slug="stem-1", programme=stem)[0]], [startup, stem]


def _world(tree, courses, people) -> None:
    """People written in bulk (no signals: only raw data matters to both computations)."""
    base = datetime.datetime(2025, 3, 1, tzinfo=TZ)
    users = User.objects.bulk_create([User(username=f"rows-sql-{i}", is_active=p["active"])
                                      for i, p in enumerate(people)])
    LearnerProfile.objects.bulk_create([LearnerProfile(user=u, **p["profile"]) for u, p in
                                        zip(users, people, strict=True) if p["profile"]])
    roles, completions, certificates = [], [], []
    for user, p in zip(users, people, strict=True):
        for kind, place, _day, ended in p["roles"]:
            roles.append(Role(user=user, unit=tree[place], unit_path=tree[place].path,
                              kind=kind, ended_at=base if ended else None))
        completions += [CourseCompletion(user=user, course=courses[c], completed_at=at)
                        for c, at in p["completions"]]
        certificates += [Certificate(user=user, course=courses[c], issued_at=at,
                                     code=f"C{user.pk}-{c}", revoked_at=base if revoked else None)
                         for c, at, revoked in p["certificates"]]
    Role.objects.bulk_create(roles)
    # created_at is auto_now_add: set the days (ties included) afterwards.
    for user, p in zip(users, people, strict=True):
        for kind, place, day, _ended in p["roles"]:
            Role.objects.filter(user=user, unit=tree[place], kind=kind).update(
                created_at=base + datetime.timedelta(days=day))
    CourseCompletion.objects.bulk_create(completions)
    Certificate.objects.bulk_create(certificates)


def _target(tree, courses, programmes, spec, n: int = 0) -> Target:
    target = Target.objects.create(
        code=f"rows-sql-{n}", name="Chỉ tiêu", unit=tree[spec["unit"]],
        population=spec["population"], school_levels=spec["school_levels"],
        grades=spec["grades"], graduation_year=spec["graduation_year"],
        household=spec["household"], age_min=spec["age_min"], age_max=spec["age_max"],
        rule=spec["rule"], min_courses=spec["min_courses"], threshold=50,
        programme=None if spec["programme"] is None else programmes[spec["programme"]],
        period_label="2025", period_start=START, period_end=END)
    target.courses.set([courses[i] for i in spec["courses"]])
    target.refresh_from_db()
    return target


def _python_rows(target, within: str) -> set:
    inside = set(Unit.objects.filter(path__startswith=within).values_list("pk", flat=True))
    latest = {p: u for p, u in rebuild.latest_roles(target, within).items() if u in inside}
    return {(r.learner_id, r.unit_id, r.sex, r.minority, r.ethnicity, r.household,
             r.school_level, r.trained, r.trained_at)
            for r in rebuild.target_rows(target, latest)}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(people=st.lists(person, min_size=1, max_size=8),
       specs=st.lists(target_spec, min_size=1, max_size=5),
       within=st.sampled_from([None, "school_x", "x1"]))
def test_sql_rows_equal_python_rows(tree, three_courses, people, specs, within):
    courses, programmes = three_courses
    with transaction.atomic():
        tree = {k: Unit.objects.get(pk=v.pk) for k, v in tree.items()}
        _world(tree, courses, people)
        for n, spec in enumerate(specs):  # several targets over one world: cheaper examples
            target = _target(tree, courses, programmes, spec, n)
            path = tree[within].path if within else target.unit.path
            expected = _python_rows(target, path)
            got = set(rows_sql.rows_select(target, path))
            assert got == expected
            # Written by INSERT … SELECT, read back: the same rows and the same counters as
            # the Python rebuild's.
            assert rows_sql.rows_replace(target, path) == len(expected)
            assert set(TargetLearner.objects.filter(target=target).values_list(
                "learner_id", "unit_id", *rows_sql.SPLIT_FIELDS, "trained", "trained_at"
            )) == expected
            rows_sql.counters_write(target, target.unit.path)
            written = counters_snapshot(target)
            rebuild.counters_recount(target)
            assert written == counters_snapshot(target)
        transaction.set_rollback(True)


def test_employment_targets_keep_the_python_path(tree):
    target = Target(unit=tree["bo"], rule="employed")
    assert not rows_sql.supported(target)
    assert rows_sql.supported(Target(unit=tree["bo"], rule="course"))
