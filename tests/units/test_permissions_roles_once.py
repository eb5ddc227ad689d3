"""Issue 18: every capability check of a request is answered from ONE read of the user's live
roles (lms.units.permissions._role_rows), whatever role kinds the capabilities need — and
since request.user is loaded afresh for each request, a role ended or granted by any path
counts on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.accounts.models import User
from lms.units.capabilities import Capability
from lms.units.models import Role, RoleKind
from lms.units.permissions import (
    can_manage_unit,
    can_reorganise,
    has_capability,
    role_paths,
    roles_forget,
    units_visible_to,
)
from tests.factories import UnitFactory, UnitKindFactory, class_unit, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(db):
    province = UnitFactory(name="Sở", kind=UnitKindFactory(code="province_department"))
    school = UnitFactory(parent=province, name="THPT",
                         kind=UnitKindFactory(code="school", is_school=True))
    return {"province": province, "school": school, "class": class_unit(school, "10A1")}


def test_checks_of_different_role_kinds_share_one_query(units):
    officer = staff_at(units["province"], RoleKind.OFFICER, username="canbo")
    user = User.objects.get(pk=officer.pk)  # a fresh object, as request.user is
    with CaptureQueriesContext(connection) as ctx:
        # the dashboard's three checks: VIEW_REPORTS (teacher, head, officer),
        # MANAGE_REPORTS (head, officer), REORGANISE_UNITS (officer only)
        assert has_capability(user, Capability.VIEW_REPORTS)
        assert can_manage_unit(user, units["school"], Capability.MANAGE_REPORTS)
        assert can_reorganise(user, units["school"])
        assert not has_capability(user, Capability.MANAGE_PUPIL_ACCOUNTS)  # a head's only
        assert not has_capability(user, Capability.TEACH_CLASSES)
    assert len(ctx.captured_queries) == 1


def test_teacher_scope_is_kept_from_the_one_read(units):
    """A teacher's role counts only at a school or a class (TEACHER_SCOPED)."""
    teacher = staff_at(units["school"], RoleKind.TEACHER, username="gv")
    Role.objects.create(user=teacher, unit=units["province"], kind=RoleKind.TEACHER)
    user = User.objects.get(pk=teacher.pk)
    assert role_paths(user, Capability.VIEW_REPORTS) == [units["school"].path]
    assert not can_manage_unit(user, units["province"], Capability.VIEW_REPORTS)
    assert set(units_visible_to(user, Capability.VIEW_REPORTS)) == {units["school"],
                                                                     units["class"]}


def test_an_ended_role_counts_nowhere_and_roles_forget_rereads(units):
    teacher = staff_at(units["school"], RoleKind.TEACHER, username="gv")
    assert has_capability(teacher, Capability.VIEW_REPORTS)
    Role.objects.filter(user=teacher).update(ended_at="2026-01-01T00:00:00Z")
    assert has_capability(teacher, Capability.VIEW_REPORTS)  # this object remembers
    roles_forget(teacher)
    assert not has_capability(teacher, Capability.VIEW_REPORTS)
    assert not has_capability(User.objects.get(pk=teacher.pk), Capability.VIEW_REPORTS)
