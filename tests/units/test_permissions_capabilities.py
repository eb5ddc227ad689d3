"""Who holds each capability (issue 16, defect 5): role kinds carry explicit capabilities, a
judge role holds only JUDGE_ENTRIES, a teacher's role counts only at a school or a class."""

import pytest
from django.contrib.auth.models import AnonymousUser

from lms.accounts.models import User
from lms.units.capabilities import (
    CAPABILITIES,
    DESCRIPTIONS,
    Capability,
    capabilities_of,
    kinds_with,
)
from lms.units.models import RoleKind
from lms.units.permissions import (
    can_manage_unit,
    can_view_learner,
    has_capability,
    home_units,
    learners_visible_to,
    units_visible_to,
)
from tests.factories import UserFactory, learner_in, staff_at

pytestmark = pytest.mark.django_db

# Written out by hand (not read from CAPABILITIES): changing who may see pupils' data must
# change this test too.
EXPECTED = {
    "view_learner_personal_data": {"teacher", "school_admin", "officer"},
    "view_parent_pages": {"teacher", "school_admin"},
    "view_certificates": {"teacher", "school_admin", "officer"},
    "view_reports": {"teacher", "school_admin", "officer"},
    "export_reports": {"teacher", "school_admin", "officer"},
    "manage_reports": {"school_admin", "officer"},
    "teach_classes": {"teacher", "school_admin"},
    "enrol_learners": {"teacher", "school_admin", "officer"},
    "manage_roster": {"school_admin", "officer"},
    "manage_pupil_accounts": {"school_admin"},
    "reorganise_units": {"officer"},
    "revoke_certificates": {"school_admin", "officer"},
    "read_plans": {"teacher", "school_admin", "officer"},
    "manage_plans": {"school_admin", "officer"},
    "organise_contests": {"school_admin", "officer"},
    "mentor_entries": {"teacher", "school_admin"},
    "judge_entries": {"judge", "teacher", "school_admin", "officer"},
    "advise_clubs": {"teacher", "school_admin"},
    "manage_clubs": {"school_admin"},
    "record_outcomes": {"teacher", "school_admin"},
    "approve_employers": {"school_admin", "officer"},
    "manage_recognition": {"school_admin", "officer"},
    "set_assignments": {"teacher", "school_admin"},
    "mark_submissions": {"teacher", "school_admin"},
    # A learner's own hand-in in their own class: still nothing of anyone else.
    "hand_in": {"learner"},
    # Questions on a lesson (lms/discussions): a learner asks in their own class only.
    "ask_questions": {"learner"},
    "moderate_questions": {"teacher", "school_admin"},
}


def test_every_capability_is_in_the_table_once():
    assert set(CAPABILITIES) == set(Capability) == set(DESCRIPTIONS)
    assert {c.value: set(kinds) for c, kinds in CAPABILITIES.items()} == EXPECTED


def test_learners_and_judges_hold_nothing_of_pupils_data():
    assert capabilities_of(RoleKind.LEARNER) == [Capability.HAND_IN, Capability.ASK_QUESTIONS]
    assert capabilities_of(RoleKind.JUDGE) == [Capability.JUDGE_ENTRIES]


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("kind", [k for k, _ in RoleKind.choices])
def test_who_holds_each_capability(school_tree, capability, kind):
    """A role at a school: the capability over the school and its classes exactly when the
    table gives it to the kind; never over another school."""
    user = staff_at(school_tree["school_b"], kind)
    holds = kind in EXPECTED[capability.value]
    assert has_capability(user, capability) is holds
    assert can_manage_unit(user, school_tree["class_b"], capability) is holds
    assert not can_manage_unit(user, school_tree["class_a"], capability)
    assert (school_tree["class_b"] in units_visible_to(user, capability)) is holds
    assert bool(home_units(user, capability)) is holds


def test_unknown_capability_fails_loudly():
    with pytest.raises(ValueError):
        kinds_with("view_everything")


@pytest.mark.parametrize("capability", list(Capability))
def test_superuser_holds_every_capability_and_anonymous_none(school_tree, capability):
    root = UserFactory(is_superuser=True)
    assert has_capability(root, capability)
    assert can_manage_unit(root, school_tree["class_a"], capability)
    assert not has_capability(AnonymousUser(), capability)
    assert not can_manage_unit(AnonymousUser(), school_tree["class_a"], capability)


def test_judge_role_on_a_province_sees_no_learner(school_tree):
    """The demo's giamkhao.so: a role on the Sở that is a judge role sees nobody's data."""
    learner = learner_in(school_tree["class_b"])
    judge = staff_at(school_tree["so"], RoleKind.JUDGE)
    assert not can_view_learner(judge, learner)
    assert not can_view_learner(judge, learner, Capability.VIEW_PARENT_PAGES)
    assert not can_view_learner(judge, learner, Capability.VIEW_CERTIFICATES)
    assert list(User.objects.filter(learners_visible_to(judge))) == [judge]
    assert units_visible_to(judge, Capability.VIEW_REPORTS).count() == 0
    assert has_capability(judge, Capability.JUDGE_ENTRIES)


def test_teacher_role_above_a_school_grants_nothing(school_tree):
    """Defect 5's cause: a teacher role on a Sở or Phòng gave staff rights over every school
    below. A teacher's capabilities count only at a school or a class."""
    learner = learner_in(school_tree["class_b"])
    for office in ("so", "phong"):
        teacher = staff_at(school_tree[office], RoleKind.TEACHER)
        assert not can_view_learner(teacher, learner)
        for capability in capabilities_of(RoleKind.TEACHER):
            assert not has_capability(teacher, capability), (office, capability)


def test_teacher_at_a_class_keeps_that_class(school_tree):
    learner = learner_in(school_tree["class_b"])
    teacher = staff_at(school_tree["class_b"], RoleKind.TEACHER)
    assert can_view_learner(teacher, learner)
    assert can_view_learner(teacher, learner, Capability.VIEW_PARENT_PAGES)
    assert can_manage_unit(teacher, school_tree["class_b"], Capability.TEACH_CLASSES)
    assert not can_manage_unit(teacher, school_tree["school_b"], Capability.TEACH_CLASSES)


def test_officer_sees_pupils_but_not_parents_pages(school_tree):
    learner = learner_in(school_tree["class_b"])
    officer = staff_at(school_tree["so"], RoleKind.OFFICER)
    assert can_view_learner(officer, learner)
    assert can_view_learner(officer, learner, Capability.VIEW_CERTIFICATES)
    assert not can_view_learner(officer, learner, Capability.VIEW_PARENT_PAGES)


def test_judge_role_is_named_in_both_languages():
    from django.utils import translation

    with translation.override("vi"):
        assert str(RoleKind.JUDGE.label) == "Giám khảo"
    with translation.override("en"):
        assert str(RoleKind.JUDGE.label) == "Judge"
