"""The recognition rules end to end on edge cases: years, time zones, household moves."""

import datetime

import pytest

from courses.models import Enrolment
from lms.recognition.models import (
    Candidate,
    CandidateStatus,
    Household,
    HouseholdMember,
    RecognitionKind,
    RecognitionRule,
)
from lms.recognition.services.evaluation import recognition_evaluate
from lms.units.models import RoleKind
from lms.units.services import role_grant
from tests.factories import UserFactory, learner_in

from .factories import at, complete

pytestmark = pytest.mark.django_db
D = datetime.date


def _citizens(year):
    return set(Candidate.objects.filter(kind=RecognitionKind.CITIZEN, year=year)
               .values_list("user__username", flat=True))


def _rule(unit, year=2025, **values):
    return RecognitionRule.objects.create(unit=unit, year=year, **values)


def test_completions_count_in_the_year_they_happened_in_vietnam_time(tree, courses):
    a = learner_in(tree["class"], username="a")
    b = learner_in(tree["class"], username="b")
    _rule(tree["so"], min_completions=2, min_hours=99)
    complete(a, courses[0], at(2025, 5, 1, 9, 0))
    complete(a, courses[1], at(2025, 12, 31, 23, 59))  # still 2025 in Hà Nội
    complete(b, courses[0], at(2025, 5, 1, 9, 0))
    complete(b, courses[1], at(2026, 1, 1, 0, 0))  # already 2026 (31/12 17:00 UTC)
    recognition_evaluate(unit=tree["so"], year=2025)
    assert _citizens(2025) == {"a"}
    c = Candidate.objects.get(user=a)
    assert (c.completions, c.hours, c.year) == (2, 5, 2025)


def test_enrolled_in_december_completed_in_january_counts_in_january_year(tree, courses):
    pupil = learner_in(tree["class"], username="c")
    _rule(tree["so"], year=2025, min_completions=1, min_hours=99)
    _rule(tree["so"], year=2026, min_completions=1, min_hours=99)
    Enrolment.objects.create(user=pupil, course=courses[2])
    Enrolment.objects.filter(user=pupil).update(created_at=at(2025, 12, 10, 8, 0))
    complete(pupil, courses[2], at(2026, 1, 5, 8, 0))
    recognition_evaluate(unit=tree["so"], year=2025)
    recognition_evaluate(unit=tree["so"], year=2026)
    assert _citizens(2025) == set() and _citizens(2026) == {"c"}


def test_hours_alone_are_summed_within_the_year_only(tree, courses):
    pupil = learner_in(tree["class"], username="d")
    _rule(tree["so"], min_completions=9, min_hours=8)
    complete(pupil, courses[2], at(2024, 12, 31, 23, 0))  # 5 h in 2024
    complete(pupil, courses[1], at(2025, 1, 1, 0, 30))  # 3 h in 2025
    recognition_evaluate(unit=tree["so"], year=2025)
    assert _citizens(2025) == set()  # 3 h < 8 h: last year's hours do not carry over
    complete(pupil, courses[0], at(2025, 2, 1, 8, 0))  # +2 h → 5 h
    _rule(tree["xa_a"], min_completions=9, min_hours=5)  # nearer rule wins
    recognition_evaluate(unit=tree["so"], year=2025)
    assert _citizens(2025) == {"d"}


def _household(tree, *members):
    household = Household.objects.create(name="Hộ ông Lê Văn Ba", commune=tree["xa_a"],
                                         head=members[0][0])
    for user, joined, left in members:
        HouseholdMember.objects.create(household=household, user=user,
                                       full_name=user.full_name if user else "Lê Thị Không",
                                       joined_on=joined, left_on=left)
    return household


def _citizen(tree, courses, username, when=None):
    user = learner_in(tree["class"], username=username)
    complete(user, courses[0], when or at(2025, 3, 1, 8, 0))
    complete(user, courses[1], when or at(2025, 3, 2, 8, 0))
    return user


def _families(year=2025):
    return {c.household.name: c for c in Candidate.objects.filter(
        kind=RecognitionKind.FAMILY, year=year).select_related("household")}


def test_family_counts_members_at_year_end_including_members_without_account(tree, courses):
    x, y = _citizen(tree, courses, "x"), _citizen(tree, courses, "y")
    _household(tree, (x, D(2010, 1, 1), None), (y, D(2010, 1, 1), None),
               (None, D(2010, 1, 1), None))  # 2 of 3 = 67 % < 70 %
    recognition_evaluate(unit=tree["so"], year=2025)
    assert _families() == {}
    _rule(tree["xa_a"], family_min_percent=60)
    recognition_evaluate(unit=tree["so"], year=2025)
    family = _families()["Hộ ông Lê Văn Ba"]
    assert (family.percent, family.evidence) == (67, {"members": 3, "citizens": 2})


def test_member_who_moved_out_mid_year_counts_in_the_new_household(tree, courses):
    x, y, z = (_citizen(tree, courses, n) for n in ("x", "y", "z"))
    old = _household(tree, (x, D(2010, 1, 1), None), (y, D(2010, 1, 1), None),
                     (z, D(2010, 1, 1), D(2025, 7, 1)))
    new = Household.objects.create(name="Hộ anh Z", commune=tree["xa_b"], head=z)
    HouseholdMember.objects.create(household=new, user=z, full_name="Z", joined_on=D(2025, 7, 1))
    recognition_evaluate(unit=tree["so"], year=2025)
    families = _families()
    assert families[old.name].evidence == {"members": 2, "citizens": 2}
    assert new.name not in families  # one citizen alone is not a learning family


def test_member_who_left_after_year_end_still_counts_for_the_year(tree, courses):
    x, y = _citizen(tree, courses, "x"), _citizen(tree, courses, "y")
    stay_home = UserFactory(username="w", full_name="Lê Văn W")
    household = _household(tree, (x, D(2010, 1, 1), None), (y, D(2010, 1, 1), D(2026, 1, 15)),
                           (stay_home, D(2010, 1, 1), None))
    _rule(tree["xa_a"], family_min_percent=60)
    recognition_evaluate(unit=tree["so"], year=2025)
    assert _families()[household.name].evidence == {"members": 3, "citizens": 2}
    # A member who joined in 2026 does not change 2025.
    HouseholdMember.objects.create(household=household, full_name="Em bé",
                                   joined_on=D(2026, 2, 1))
    recognition_evaluate(unit=tree["so"], year=2025)
    assert Candidate.objects.get(household=household).evidence["members"] == 3


def test_household_member_without_learner_role_is_evaluated_under_the_commune(tree, courses):
    adult = UserFactory(username="me", full_name="Mẹ")
    complete(adult, courses[0], at(2025, 3, 1, 8, 0))
    complete(adult, courses[1], at(2025, 4, 1, 8, 0))
    _household(tree, (adult, D(2010, 1, 1), None))
    recognition_evaluate(unit=tree["xa_a"], year=2025)
    c = Candidate.objects.get(user=adult)
    assert (c.scope_unit, c.commune) == (tree["xa_a"], tree["xa_a"])


def test_evaluation_is_idempotent_and_never_recreates_reviewed_candidates(tree, courses):
    x, y = _citizen(tree, courses, "x"), _citizen(tree, courses, "y")
    _household(tree, (x, D(2010, 1, 1), None), (y, D(2010, 1, 1), None))
    first = recognition_evaluate(unit=tree["so"], year=2025)
    assert first == {"citizen": 2, "family": 1, "community": 1, "unit": 1}
    assert recognition_evaluate(unit=tree["so"], year=2025) == dict.fromkeys(first, 0)
    assert Candidate.objects.count() == 5
    Candidate.objects.filter(user=y).update(status=CandidateStatus.REJECTED, reason="Sai")
    Candidate.objects.filter(kind=RecognitionKind.FAMILY).delete()
    recognition_evaluate(unit=tree["so"], year=2025)
    assert Candidate.objects.get(user=y).status == CandidateStatus.REJECTED
    # A rejected citizen no longer makes the family: one citizen left.
    assert not Candidate.objects.filter(kind=RecognitionKind.FAMILY).exists()


def test_pending_figures_refresh_but_reviewed_ones_stay(tree, courses):
    x = _citizen(tree, courses, "x")
    recognition_evaluate(unit=tree["so"], year=2025)
    complete(x, courses[2], at(2025, 9, 1, 8, 0))
    recognition_evaluate(unit=tree["so"], year=2025)
    assert Candidate.objects.get(user=x).hours == 10
    Candidate.objects.filter(user=x).update(status=CandidateStatus.CONFIRMED)
    Candidate.objects.filter(user=x).update(hours=1)
    recognition_evaluate(unit=tree["so"], year=2025)
    assert Candidate.objects.get(user=x).hours == 1


def test_subtree_evaluation_leaves_other_units_alone(tree, courses):
    _citizen(tree, courses, "x")
    other = UserFactory(username="o")
    role_grant(user=other, unit=tree["xa_b"], kind=RoleKind.LEARNER)
    complete(other, courses[0], at(2025, 3, 1, 8, 0))
    complete(other, courses[1], at(2025, 3, 1, 9, 0))
    recognition_evaluate(unit=tree["xa_a"], year=2025)
    assert _citizens(2025) == {"x"}
    recognition_evaluate(unit=None, year=2025)
    assert _citizens(2025) == {"x", "o"}


def test_learning_unit_needs_the_share_of_its_learners(tree, courses):
    _citizen(tree, courses, "x")
    learner_in(tree["class"], username="idle1")
    learner_in(tree["class"], username="idle2")
    recognition_evaluate(unit=tree["so"], year=2025)
    assert not Candidate.objects.filter(kind=RecognitionKind.UNIT).exists()  # 1/3 < 50 %
    _citizen(tree, courses, "y")
    recognition_evaluate(unit=tree["so"], year=2025)
    unit = Candidate.objects.get(kind=RecognitionKind.UNIT)
    assert (unit.subject_unit, unit.percent, unit.commune) == (tree["school"], 50, tree["xa_a"])
