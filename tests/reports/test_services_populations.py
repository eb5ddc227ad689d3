"""Teacher populations, per-group ethnic splits and the "employed after training" rule."""


import pytest
from django.test import TestCase
from django.utils import timezone

from lms.accounts.models import LearnerProfile
from lms.reports.models import PopulationKind, Target, TargetLearner, TrainedRule
from lms.reports.selectors import unit_splits
from lms.reports.services import learner_sync, rebuild
from lms.units.models import Role, RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete, counters_snapshot, figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher_target(tree, courses, target):
    teachers = Target.objects.create(
        code="gv-khoi-nghiep", name="100% giáo viên THPT được tập huấn khởi nghiệp",
        unit=tree["bo"], population=PopulationKind.TEACHERS, threshold=100,
        school_levels=["upper_secondary"], period_label="2025-2026",
        period_start=target.period_start, period_end=target.period_end)
    teachers.courses.set([courses[0][0]])
    return teachers


def test_teachers_count_in_teacher_targets_and_not_in_learner_ones(
        tree, target, teacher_target, courses):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")
    staff_at(tree["primary"], RoleKind.TEACHER, username="gv-tieu-hoc")  # other school level
    staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo")  # officers are not counted
    learner = learner_in(tree["x1"])
    assert figure(teacher_target, tree["school_x"]) == (1, 0)
    assert figure(teacher_target, tree["bo"]) == (1, 0)
    assert figure(teacher_target, tree["x1"]) == (0, 0)  # teachers count at their own unit
    assert figure(target, tree["bo"]) == (1, 0)
    complete(teacher, courses[0])
    complete(learner, courses[0])
    assert figure(teacher_target, tree["bo"]) == (1, 1)
    assert figure(teacher_target, tree["phong"]) == (1, 1)
    assert figure(target, tree["bo"]) == (1, 1)
    before = {t.pk: counters_snapshot(t) for t in (target, teacher_target)}
    rebuild.targets_rebuild()
    assert {t.pk: counters_snapshot(t) for t in (target, teacher_target)} == before


def test_a_teacher_moving_school_or_leaving_follows(tree, teacher_target, courses):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")
    complete(teacher, courses[0])
    role = Role.objects.get(user=teacher, kind=RoleKind.TEACHER)
    role.ended_at = timezone.now()
    role.save()
    assert figure(teacher_target, tree["bo"]) == (0, 0)
    Role.objects.create(user=teacher, unit=tree["school_y"], kind=RoleKind.TEACHER)
    assert figure(teacher_target, tree["so_b"]) == (1, 1)  # trained stays trained
    assert figure(teacher_target, tree["so_a"]) == (0, 0)


def test_reconcile_picks_up_teacher_roles_made_in_bulk(tree, teacher_target):
    teacher = staff_at(tree["school_y"], RoleKind.OFFICER, username="gv-bulk")
    Role.objects.bulk_create([Role(user=teacher, unit=tree["school_x"], kind=RoleKind.TEACHER,
                                   unit_path=tree["school_x"].path)])
    assert figure(teacher_target, tree["bo"]) == (0, 0)
    rebuild.target_reconcile(teacher_target)
    assert figure(teacher_target, tree["school_x"]) == (1, 0)


def _set_ethnicity(user, code):
    profile = LearnerProfile.objects.get(user=user)
    profile.ethnicity = code
    profile.save()


def test_each_ethnic_group_has_its_own_counters(tree, target, courses):
    kinh, tay, hmong, hmong2 = (learner_in(tree["x1"]) for _ in range(4))
    _set_ethnicity(kinh, "01")
    _set_ethnicity(tay, "02")
    _set_ethnicity(hmong, "08")
    _set_ethnicity(hmong2, "08")
    complete(hmong, courses[0])
    splits = unit_splits(tree["so_a"], target)
    assert splits["ethnicity"] == {"01": [1, 0], "02": [1, 0], "08": [2, 1]}
    assert splits["minority"] == {False: [1, 0], True: [3, 1]}
    assert splits["ethnic_rows"][0] == ("Mông", [2, 1])
    _set_ethnicity(tay, "01")  # a correction moves the learner between groups
    assert unit_splits(tree["bo"], target)["ethnicity"]["01"] == [2, 0]
    assert "02" not in unit_splits(tree["bo"], target)["ethnicity"]  # emptied rows hidden
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before


@pytest.fixture
def employed_target(tree, target):
    return Target.objects.create(
        code="co-viec-lam-70", name="Ít nhất 70% học viên có việc làm", unit=tree["so_a"],
        rule=TrainedRule.EMPLOYED, threshold=70, period_label="2026",
        period_start=target.period_start, period_end=target.period_end)


def test_employment_rule_counts_recorded_employment(tree, employed_target, monkeypatch):
    import lms.careers.selectors as careers_selectors
    from lms.careers.signals import employment_recorded

    a, b = learner_in(tree["x1"]), learner_in(tree["x2"])
    employed: dict = {}
    monkeypatch.setattr(careers_selectors, "employed_events",
                        lambda ids: {i: employed[i] for i in ids if i in employed})
    assert figure(employed_target, tree["so_a"]) == (2, 0)
    employed[a.pk] = [timezone.now()]
    with TestCase.captureOnCommitCallbacks(execute=True):
        employment_recorded.send(sender=None, learner_id=a.pk)
    assert figure(employed_target, tree["so_a"]) == (2, 1)
    assert figure(employed_target, tree["x1"]) == (1, 1)
    assert TargetLearner.objects.get(target=employed_target, learner=a).trained
    assert not TargetLearner.objects.get(target=employed_target, learner=b).trained
    before = counters_snapshot(employed_target)
    rebuild.targets_rebuild()
    assert counters_snapshot(employed_target) == before

    # The rule counts a status: a later "seeking work" (or a corrected record) un-counts, at once
    # and as a rebuild would; a later re-sync (a roster or profile change) agrees.
    del employed[a.pk]
    with TestCase.captureOnCommitCallbacks(execute=True):
        employment_recorded.send(sender=None, learner_id=a.pk)
    assert figure(employed_target, tree["so_a"]) == (2, 0)
    assert figure(employed_target, tree["x1"]) == (1, 0)
    assert not TargetLearner.objects.get(target=employed_target, learner=a).trained
    learner_sync(a.pk)
    assert figure(employed_target, tree["so_a"]) == (2, 0)
    before = counters_snapshot(employed_target)
    rebuild.targets_rebuild()
    assert counters_snapshot(employed_target) == before
