import datetime

import pytest

from lms.reports.models import PopulationKind, Target
from lms.reports.services import rebuild
from lms.units.models import RoleKind, SchoolLevel
from tests.factories import (
    UnitFactory,
    UnitKindFactory,
    class_unit,
    course_with_lessons,
    learner_in,
    staff_at,
)

from .helpers import complete
from .reorganise_helpers import make_target


@pytest.fixture
def tree(db):
    """Bộ → Sở A (→ Phòng → THPT X → 12A1, 12A2) and Sở B (→ THPT Y → 12B1)."""
    ministry = UnitFactory(name="Bộ GD&ĐT", kind=UnitKindFactory(code="ministry"))
    so_a = UnitFactory(parent=ministry, name="Sở GD&ĐT A",
                       kind=UnitKindFactory(code="province_department"))
    phong = UnitFactory(parent=so_a, name="Phòng GD&ĐT A1",
                        kind=UnitKindFactory(code="district_office"))
    school_kind = UnitKindFactory(code="school", is_school=True)
    school_x = UnitFactory(parent=phong, name="THPT X", kind=school_kind,
                           school_level=SchoolLevel.UPPER_SECONDARY)
    so_b = UnitFactory(parent=ministry, name="Sở GD&ĐT B",
                       kind=UnitKindFactory(code="province_department"))
    school_y = UnitFactory(parent=so_b, name="THPT Y", kind=school_kind,
                           school_level=SchoolLevel.UPPER_SECONDARY)
    primary = UnitFactory(parent=so_a, name="Tiểu học Z", kind=school_kind,
                          school_level=SchoolLevel.PRIMARY)
    return {
        "bo": ministry, "so_a": so_a, "phong": phong, "school_x": school_x, "so_b": so_b,
        "school_y": school_y, "primary": primary,
        "x1": class_unit(school_x, "Lớp 12A1"), "x2": class_unit(school_x, "Lớp 12A2"),
        "y1": class_unit(school_y, "Lớp 12B1"), "z1": class_unit(primary, "Lớp 5A"),
    }


@pytest.fixture
def courses(db):
    first = course_with_lessons(2, title="Khởi nghiệp cho học sinh", slug="khoi-nghiep")
    second = course_with_lessons(1, title="Khởi nghiệp nâng cao", slug="khoi-nghiep-2")
    return [first, second]


@pytest.fixture
def target(tree, courses):
    target = Target.objects.create(
        code="khoi-nghiep-thpt", name="90% học sinh THPT được đào tạo khởi nghiệp",
        unit=tree["bo"], school_levels=[SchoolLevel.UPPER_SECONDARY], threshold=90,
        period_label="2025-2026", period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2030, 12, 31), deadline=datetime.date(2030, 12, 15))
    target.courses.set([courses[0][0], courses[1][0]])
    return target


STAFF = RoleKind


@pytest.fixture
def populated(tree, target, courses):
    """x1: 3 learners (1 trained), x2: 1, y1: 2 (1 trained), z1 (primary, Sở A): 1 (trained).
    A teacher at THPT X. Targets: `target` (Bộ, upper secondary), at Sở A (all levels),
    at Sở B (all levels), teachers at Sở B, and one set at THPT X itself."""
    people = {"x1": [learner_in(tree["x1"]) for _ in range(3)],
              "x2": [learner_in(tree["x2"])],
              "y1": [learner_in(tree["y1"]) for _ in range(2)],
              "z1": [learner_in(tree["z1"])]}
    course_ids = [courses[0][0].pk]
    extra = {"so_a": make_target(tree["so_a"], "so-a"), "so_b": make_target(tree["so_b"], "so-b"),
             "teachers_b": make_target(tree["so_b"], "gv-so-b",
                                       population=PopulationKind.TEACHERS),
             "school_x": make_target(tree["school_x"], "thpt-x")}
    for t in extra.values():
        t.courses.set(course_ids)
    rebuild.targets_rebuild()
    for learner in (people["x1"][0], people["y1"][0], people["z1"][0]):
        complete(learner, courses[0])
    teacher = staff_at(tree["school_x"], kind=RoleKind.TEACHER)
    head = staff_at(tree["school_x"], kind=RoleKind.SCHOOL_ADMIN)
    return {"people": people, "targets": {"bo": target, **extra}, "teacher": teacher,
            "head": head}


# The world of the oracle tests (tests/reports/oracle_world.py): tree, targets, people.
from .oracle_world import world  # noqa: E402, F401
