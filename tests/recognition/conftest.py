
import pytest

from lms.units.models import RoleKind
from tests.factories import (
    UnitFactory,
    UnitKindFactory,
    class_unit,
    course_with_lessons,
    learner_in,
    staff_at,
)


@pytest.fixture
def tree(db):
    """Sở → xã A (commune) → trường A → lớp; Sở → xã B (commune)."""
    commune_kind = UnitKindFactory(code="commune")
    so = UnitFactory(name="Sở GD&ĐT Đồng Nai", kind=UnitKindFactory(code="province_department"))
    xa_a = UnitFactory(parent=so, name="UBND Phường Biên Hòa", kind=commune_kind,
                       code="XA-26068", admin_code=26068)
    xa_b = UnitFactory(parent=so, name="UBND Phường Trấn Biên", kind=commune_kind,
                       code="XA-26041", admin_code=26041)
    school = UnitFactory(parent=xa_a, name="Trường THCS Biên Hòa",
                         kind=UnitKindFactory(code="school", is_school=True))
    klass = class_unit(school, "Lớp 9A1")
    return {"so": so, "xa_a": xa_a, "xa_b": xa_b, "school": school, "class": klass,
            "officer_so": staff_at(so, RoleKind.OFFICER, username="canbo.so"),
            "officer_a": staff_at(xa_a, RoleKind.OFFICER, username="canbo.xa.a"),
            "officer_b": staff_at(xa_b, RoleKind.OFFICER, username="canbo.xa.b"),
            "teacher": staff_at(school, RoleKind.TEACHER, username="giaovien.bh"),
            "principal": staff_at(school, RoleKind.SCHOOL_ADMIN, username="hieutruong.bh")}


@pytest.fixture
def courses(db):
    """Three courses of 2, 3 and 5 estimated hours."""
    made = []
    for hours in (2, 3, 5):
        course, _ = course_with_lessons(1, title=f"Khóa {hours} giờ")
        course.estimated_hours = hours
        course.save(update_fields=["estimated_hours"])
        made.append(course)
    return made


@pytest.fixture
def pupil(tree):
    return learner_in(tree["class"], username="hocsinh.bh", full_name="Nguyễn Văn An")
