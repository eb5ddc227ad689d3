import pytest
from django.utils import timezone

from lms.accounts.models import GuardianLink, User
from lms.units.capabilities import Capability
from lms.units.models import RoleKind
from lms.units.permissions import (
    can_manage_unit,
    can_view_learner,
    learners_visible_to,
    units_visible_to,
)
from tests.factories import UserFactory, learner_in, staff_at

pytestmark = pytest.mark.django_db

VIEW = Capability.VIEW_LEARNER_PERSONAL_DATA


def test_officer_sees_only_their_subtree(school_tree):
    officer = staff_at(school_tree["phong"], kind=RoleKind.OFFICER)
    visible = set(units_visible_to(officer, VIEW).values_list("name", flat=True))
    assert visible == {"Phòng GD&ĐT Thủy Nguyên", "Trường THCS A", "Lớp 9A"}
    assert not can_manage_unit(officer, school_tree["school_b"], VIEW)
    assert not can_manage_unit(officer, school_tree["so"], VIEW)


def test_province_officer_sees_everything_below(school_tree):
    officer = staff_at(school_tree["so"], kind=RoleKind.OFFICER)
    assert units_visible_to(officer, VIEW).count() == 6
    assert can_manage_unit(officer, school_tree["class_a"], VIEW)


def test_learner_reads_only_own_records(school_tree):
    me = learner_in(school_tree["class_b"])
    classmate = learner_in(school_tree["class_b"])
    assert can_view_learner(me, me)
    assert not can_view_learner(me, classmate)
    assert units_visible_to(me, VIEW).count() == 0  # a learner role grants no unit access


def test_teacher_sees_own_school_learners_only(school_tree):
    mine = learner_in(school_tree["class_b"])
    theirs = learner_in(school_tree["class_a"])
    teacher = staff_at(school_tree["school_b"])
    assert can_view_learner(teacher, mine)
    assert not can_view_learner(teacher, theirs)
    visible = set(User.objects.filter(learners_visible_to(teacher)).values_list("pk", flat=True))
    assert mine.pk in visible and theirs.pk not in visible


def test_parent_sees_linked_child_until_revoked(school_tree):
    child = learner_in(school_tree["class_b"])
    other_child = learner_in(school_tree["class_b"])
    parent = UserFactory()
    link = GuardianLink.objects.create(guardian=parent, learner=child)
    assert can_view_learner(parent, child)
    assert not can_view_learner(parent, other_child)
    link.revoked_at = timezone.now()
    link.save()
    assert not can_view_learner(User.objects.get(pk=parent.pk), child)


def test_anonymous_sees_nothing(school_tree):
    from django.contrib.auth.models import AnonymousUser

    learner = learner_in(school_tree["class_b"])
    assert not can_view_learner(AnonymousUser(), learner)
    assert units_visible_to(AnonymousUser(), VIEW).count() == 0


def test_ended_role_grants_nothing(school_tree):
    teacher = staff_at(school_tree["school_b"])
    teacher.roles.update(ended_at=timezone.now())
    teacher = User.objects.get(pk=teacher.pk)
    assert not can_manage_unit(teacher, school_tree["class_b"], VIEW)
