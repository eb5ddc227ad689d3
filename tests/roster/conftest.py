import pytest

from lms.units.models import RoleKind
from tests.factories import UnitFactory, UnitKindFactory, class_unit, staff_at


@pytest.fixture
def school(db):
    so = UnitFactory(name="Sở GD&ĐT Hải Phòng", kind=UnitKindFactory(code="province_department"))
    school = UnitFactory(parent=so, name="Trường THPT Ngô Quyền",
                         kind=UnitKindFactory(code="school", is_school=True))
    class_unit(school, "10A1")
    other = UnitFactory(parent=so, name="Trường THPT Lê Quý Đôn",
                        kind=UnitKindFactory(code="school", is_school=True))
    class_unit(other, "10B1")
    school.refresh_from_db()
    other.refresh_from_db()
    school.other = other
    school.so = so
    return school


@pytest.fixture
def school_admin(school):
    return staff_at(school, RoleKind.SCHOOL_ADMIN, username="hieutruong.test", is_staff=True)
