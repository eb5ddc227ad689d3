"""Defect 4 (R3): an unrecorded sex, ethnic group, household or school level is its own group
("Chưa ghi nhận"), never Kinh nor "not poor" — for learners and for teachers (who usually have
no learner profile), at every level."""

import pytest

from lms.accounts.models import LearnerProfile
from lms.reports.models import PopulationKind, Target, TargetLearner, TargetUnitCounter
from lms.reports.selectors import unit_splits
from lms.reports.services import rebuild
from lms.reports.splits import labelled_rows
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete, counters_snapshot

pytestmark = pytest.mark.django_db


def _profile(user, **fields):
    profile = LearnerProfile.objects.get(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()


def _labels(splits, dim) -> dict:
    return {str(label): v for label, v in labelled_rows(splits)[dim]}


def test_unrecorded_ethnicity_and_household_are_their_own_group(tree, target, courses):
    kinh, unknown, minority = (learner_in(tree["x1"]) for _ in range(3))
    _profile(kinh, ethnicity="01", household_status="none")
    _profile(unknown, ethnicity="", household_status="")
    _profile(minority, ethnicity="08", household_status="poor")
    complete(unknown, courses[0])
    for unit in (tree["x1"], tree["school_x"], tree["so_a"], tree["bo"]):
        splits = unit_splits(unit, target)
        assert _labels(splits, "minority") == {"Dân tộc Kinh": [1, 0],
                                                "Dân tộc thiểu số": [1, 0],
                                                "Chưa ghi nhận": [1, 1]}
        assert _labels(splits, "household") == {"Hộ nghèo": [1, 0],
                                                 "Không thuộc diện nghèo/cận nghèo": [1, 0],
                                                 "Chưa ghi nhận": [1, 1]}
        assert _labels(splits, "ethnicity")["Chưa ghi nhận"] == [1, 1]
    row = TargetLearner.objects.get(target=target, learner=unknown)
    assert row.minority is None and row.ethnicity == "" and row.household == ""
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before


def test_teachers_without_a_profile_are_not_recorded_not_kinh(tree, target, courses):
    teachers = Target.objects.create(
        code="gv", name="Giáo viên được tập huấn", unit=tree["bo"],
        population=PopulationKind.TEACHERS, threshold=100, period_label="2025",
        period_start=target.period_start, period_end=target.period_end)
    teachers.courses.set([courses[0][0]])
    staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-khong-ho-so")
    for unit in (tree["school_x"], tree["so_a"], tree["bo"]):
        labelled = labelled_rows(unit_splits(unit, teachers))
        for dim in ("sex", "minority", "ethnicity", "household"):
            assert [(str(label), v) for label, v in labelled[dim]] == [("Chưa ghi nhận", [1, 0])]
    assert not TargetUnitCounter.objects.filter(target=teachers, minority=False).exists()


def test_unrecorded_school_level_is_a_row(tree, target, courses):
    everyone = Target.objects.create(
        code="moi-nguoi", name="Mọi người học", unit=tree["bo"], threshold=50,
        period_label="2025", period_start=target.period_start, period_end=target.period_end)
    everyone.courses.set([courses[0][0]])
    learner_in(tree["x1"])
    learner_in(tree["phong"])  # a learner role at an office: no school level above it
    levels = _labels(unit_splits(tree["bo"], everyone), "school_level")
    assert levels == {"Trung học phổ thông": [1, 0], "Chưa ghi nhận": [1, 0]}


def test_a_new_profile_records_no_ethnicity_by_default(tree):
    learner = learner_in(tree["x1"])
    assert LearnerProfile.objects.get(user=learner).ethnicity == ""
