"""A populated tree for reorganisation tests, with figures worked out by hand (independent of
the report services), and the check that live counters equal a fresh rebuild."""

import datetime

from lms.reports.models import Target, TargetUnitCounter
from lms.reports.services import rebuild


def all_counters() -> dict:
    return {(c.target_id, c.unit_id, c.sex, c.minority, c.ethnicity, c.household,
             c.school_level): (c.population, c.trained)
            for c in TargetUnitCounter.objects.all() if c.population or c.trained}


def assert_counters_equal_rebuild() -> None:
    live = all_counters()
    rebuild.targets_rebuild()
    assert live == all_counters()


def make_target(unit, code, **fields) -> Target:
    target = Target.objects.create(
        code=code, name=code, unit=unit, threshold=50, period_label="2025-2026",
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2030, 12, 31),
        **fields)
    return target


def figures_of(populated, tree, expected) -> dict:
    """(target key, unit key) → (population, trained) read from the live counters."""
    from lms.units.models import Unit

    from .helpers import figure

    return {(t, u): figure(populated["targets"][t], Unit.objects.get(pk=tree[u].pk))
            for t, u in expected}


# Figures after THPT X (x1 3/1, x2 1/0; a teacher) moved from Sở A / Phòng to Sở B, by hand.
AFTER_X_TO_SO_B = {
    ("bo", "bo"): (6, 2), ("bo", "so_a"): (0, 0), ("bo", "phong"): (0, 0),
    ("bo", "so_b"): (6, 2), ("bo", "school_x"): (4, 1), ("bo", "x1"): (3, 1),
    ("so_a", "so_a"): (1, 1), ("so_a", "phong"): (0, 0), ("so_a", "school_x"): (0, 0),
    ("so_b", "so_b"): (6, 2), ("so_b", "school_x"): (4, 1), ("so_b", "school_y"): (2, 1),
    ("teachers_b", "so_b"): (1, 0), ("teachers_b", "school_x"): (1, 0),
    ("school_x", "school_x"): (4, 1), ("school_x", "x2"): (1, 0),
}
BEFORE = {
    ("bo", "bo"): (6, 2), ("bo", "so_a"): (4, 1), ("bo", "phong"): (4, 1),
    ("bo", "so_b"): (2, 1), ("so_a", "so_a"): (5, 2), ("so_b", "so_b"): (2, 1),
    ("teachers_b", "so_b"): (0, 0), ("school_x", "school_x"): (4, 1),
}
