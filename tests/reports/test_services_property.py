"""Property: whatever sequence of roster changes (learners and teachers), completions, profile
changes (household, ethnic group, recorded or not), account deactivation and reactivation,
deletions and unit moves happens, the incrementally
maintained counters equal a rebuild from raw data — for a ministry-wide learner target, a
province's poor-household target and a teacher target."""

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.accounts.models import LearnerProfile
from lms.reports.models import TargetLearner
from lms.reports.services import rebuild
from lms.units.models import Role, RoleKind, Unit
from lms.units.services import role_grant, unit_move
from tests.factories import LearnerProfileFactory, UserFactory

from .helpers import complete, counters_snapshot

CLASSES = ["x1", "x2", "y1", "z1"]
N_LEARNERS = 5

op = st.one_of(
    st.tuples(st.just("join"), st.integers(0, N_LEARNERS - 1), st.sampled_from(CLASSES)),
    st.tuples(st.just("complete"), st.integers(0, N_LEARNERS - 1), st.integers(0, 1)),
    st.tuples(st.just("leave"), st.integers(0, N_LEARNERS - 1), st.just(None)),
    st.tuples(st.just("delete"), st.integers(0, N_LEARNERS - 1), st.just(None)),
    st.tuples(st.just("profile"), st.integers(0, N_LEARNERS - 1), st.sampled_from(
        ["poor", "near_poor", "none", ""])),
    st.tuples(st.just("ethnicity"), st.integers(0, N_LEARNERS - 1), st.sampled_from(
        ["01", "02", "08", ""])),
    st.tuples(st.just("teach"), st.integers(0, N_LEARNERS - 1), st.sampled_from(
        ["school_x", "school_y", "primary"])),
    st.tuples(st.just("stop_teaching"), st.integers(0, N_LEARNERS - 1), st.just(None)),
    st.tuples(st.just("deactivate"), st.integers(0, N_LEARNERS - 1), st.booleans()),
    st.tuples(st.just("move_school"), st.just(0), st.sampled_from(["so_a", "so_b", "phong"])),
)


def _state(targets):
    return ({t.pk: counters_snapshot(t) for t in targets},
            set(TargetLearner.objects.values_list("target_id", "learner_id", "unit_id",
                                                  "trained", "sex", "minority",
                                                  "ethnicity", "household")))


def _apply(step, tree, courses, learners):
    kind, index, arg = step
    learner = learners[index]
    if learner is None:
        return
    if kind == "join":
        Role.objects.filter(user=learner, kind=RoleKind.LEARNER, ended_at__isnull=True).exclude(
            unit=tree[arg]).update(ended_at=timezone.now())  # ended in bulk: no signal …
        role = role_grant(user=learner, unit=tree[arg], kind=RoleKind.LEARNER)
        if role.ended_at:
            role.ended_at = None
        role.save()  # … the new membership's save re-syncs the learner
    elif kind == "complete":
        complete(learner, courses[arg])
    elif kind == "leave":
        for role in Role.objects.filter(user=learner, ended_at__isnull=True):
            role.ended_at = timezone.now()
            role.save()
    elif kind == "delete":
        learner.delete()
        learners[index] = None
    elif kind == "profile":
        profile = LearnerProfile.objects.get(user=learner)
        profile.household_status = arg
        profile.save()
    elif kind == "ethnicity":
        profile = LearnerProfile.objects.get(user=learner)
        profile.ethnicity = arg
        profile.save()
    elif kind == "deactivate":  # arg: True deactivates, False reactivates
        learner.is_active = not arg
        learner.save()
    elif kind == "teach":  # people in these tests may be learners and teachers at once
        role_grant(user=learner, unit=tree[arg], kind=RoleKind.TEACHER)
    elif kind == "stop_teaching":
        for role in Role.objects.filter(user=learner, kind=RoleKind.TEACHER,
                                        ended_at__isnull=True):
            role.ended_at = timezone.now()
            role.save()
    elif kind == "move_school":
        school = Unit.objects.get(pk=tree["school_x"].pk)
        unit_move(unit=school, new_parent=Unit.objects.get(pk=tree[arg].pk))
        rebuild.counters_after_move(school)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(op, min_size=1, max_size=12))
def test_incremental_equals_rebuild(tree, courses, target, steps):
    province = target.__class__.objects.create(
        code="so-a", name="Chỉ tiêu Sở A: hộ nghèo", unit=tree["so_a"], threshold=60,
        household="poor_near", period_label="2025", period_start=target.period_start,
        period_end=target.period_end)
    province.courses.set([courses[1][0]])
    teachers = target.__class__.objects.create(
        code="gv", name="Giáo viên được tập huấn", unit=tree["bo"], threshold=100,
        population="teachers", period_label="2025", period_start=target.period_start,
        period_end=target.period_end)
    teachers.courses.set([courses[0][0]])
    targets = [target, province, teachers]
    with transaction.atomic():
        learners = []
        for i in range(N_LEARNERS):
            user = UserFactory(username=f"hs-prop-{i}")
            LearnerProfileFactory(user=user, sex="FM"[i % 2])
            learners.append(user)
        for step in steps:
            _apply(step, {k: Unit.objects.get(pk=v.pk) for k, v in tree.items()}, courses,
                   learners)
        incremental = _state(targets)
        rebuild.targets_rebuild()
        assert _state(targets) == incremental
        transaction.set_rollback(True)
    province.delete()
    teachers.delete()
