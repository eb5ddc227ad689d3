"""Moves and merges through lms.units.services: counters are right when the call returns
(no Celery task, beat or on_commit), equal to a fresh rebuild and to figures worked by hand."""

import io

import pytest
from django.core.management import call_command

from lms.reports.models import TargetLearner
from lms.units.models import Role, RoleKind, Unit, UnitChange
from lms.units.services import unit_merge, unit_move

from .helpers import figure
from .reorganise_helpers import (
    AFTER_X_TO_SO_B,
    BEFORE,
    assert_counters_equal_rebuild,
    figures_of,
)

pytestmark = pytest.mark.django_db



def test_figures_before_any_move_are_the_hand_worked_ones(populated, tree):
    assert figures_of(populated, tree, BEFORE) == BEFORE
    assert_counters_equal_rebuild()


def test_move_school_to_another_province_is_right_on_return(populated, tree,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        unit_move(unit=tree["school_x"], new_parent=tree["so_b"])
    # nothing left for a worker or beat to do: the only after-commit work is expiring the
    # cached dashboards again (lms.reports dashboard cache generations), no task
    assert [c for c in callbacks if "generations_bump" not in c.__qualname__] == []
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    head = populated["head"]
    assert Role.objects.get(user=head).unit_path == Unit.objects.get(pk=tree["school_x"].pk).path
    assert_counters_equal_rebuild()


def test_command_move_is_right_immediately_without_beat(populated, tree):
    """Defect 2: `unit_reorganise move` left every figure stale until tree_watch ran."""
    Unit.objects.filter(pk=tree["school_x"].pk).update(code="THPT-X")
    Unit.objects.filter(pk=tree["so_b"].pk).update(code="SO-B")
    out = io.StringIO()
    call_command("unit_reorganise", "move", "THPT-X", "SO-B", stdout=out)
    assert "Đã chuyển" in out.getvalue()
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    not_trained_b = TargetLearner.objects.filter(target=populated["targets"]["so_b"],
                                                 trained=False).count()
    assert not_trained_b == 4  # x1: 2, x2: 1, y1: 1
    assert_counters_equal_rebuild()
    change = UnitChange.objects.get()
    assert (change.action, change.unit_name, change.from_parent_name, change.destination_name,
            change.learners_moved, change.classes_moved) == (
        "move", "THPT X", "Phòng GD&ĐT A1", "Sở GD&ĐT B", 4, 2)


def test_move_within_a_province_shifts_only_the_ancestors(populated, tree):
    unit_move(unit=tree["school_x"], new_parent=tree["so_a"])  # out of the Phòng
    assert figure(populated["targets"]["bo"], tree["phong"]) == (0, 0)
    assert figure(populated["targets"]["bo"], tree["so_a"]) == (4, 1)
    assert figure(populated["targets"]["so_a"], tree["so_a"]) == (5, 2)
    assert figure(populated["targets"]["so_a"], tree["school_x"]) == (4, 1)
    assert_counters_equal_rebuild()


def test_moving_a_class_to_a_school_of_another_level_changes_who_counts(populated, tree):
    # 12A1 (3 learners, 1 trained) moves from THPT X to the primary school Z: the
    # upper-secondary target loses them, the Sở A target keeps them as primary.
    unit_move(unit=tree["x1"], new_parent=tree["primary"])
    bo, so_a = populated["targets"]["bo"], populated["targets"]["so_a"]
    assert figure(bo, tree["bo"]) == (3, 1)
    assert figure(bo, tree["x1"]) == (0, 0)
    assert figure(so_a, tree["primary"]) == (4, 2)
    assert figure(so_a, tree["so_a"]) == (5, 2)
    assert figure(populated["targets"]["school_x"], tree["school_x"]) == (1, 0)
    assert_counters_equal_rebuild()


def test_merge_moves_children_carries_roles_and_is_right_on_return(populated, tree):
    officer = Role.objects.create(user=populated["teacher"], unit=tree["phong"],
                                  kind=RoleKind.OFFICER).user
    source = unit_merge(source=tree["phong"], target=tree["so_b"])
    assert not source.is_active and source.merged_into_id == tree["so_b"].pk
    assert Role.objects.filter(user=officer, unit=tree["so_b"], ended_at__isnull=True).exists()
    assert Role.objects.get(user=officer, unit=tree["phong"]).ended_at is not None
    assert figures_of(populated, tree, AFTER_X_TO_SO_B) == AFTER_X_TO_SO_B
    assert_counters_equal_rebuild()


def test_merging_a_class_into_another_carries_its_learners(populated, tree):
    unit_merge(source=tree["x2"], target=tree["x1"])
    bo = populated["targets"]["bo"]
    assert figure(bo, tree["x1"]) == (4, 1)
    assert figure(bo, tree["x2"]) == (0, 0)
    assert figure(bo, tree["bo"]) == (6, 2)
    assert_counters_equal_rebuild()


def test_refused_moves_change_nothing(populated, tree):
    with pytest.raises(ValueError):
        unit_move(unit=tree["so_a"], new_parent=tree["x1"])
    with pytest.raises(ValueError):
        unit_move(unit=tree["school_x"], new_parent=None)
    with pytest.raises(ValueError):
        unit_merge(source=tree["so_a"], target=tree["so_a"])
    assert not UnitChange.objects.exists()
    assert_counters_equal_rebuild()
