import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from courses.certificates.models import Certificate
from lms.recognition import services
from lms.recognition.models import Candidate, CandidateStatus, Household, RecognitionKind
from lms.recognition.services.evaluation import recognition_evaluate
from tests.factories import UserFactory, learner_in

from .factories import at, complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(tree, courses):
    """Two citizens in one household of xã A → citizen, family, community and unit candidates."""
    x = learner_in(tree["class"], username="x", full_name="Trần Văn Xuân")
    y = learner_in(tree["class"], username="y", full_name="Trần Thị Yến")
    for user in (x, y):
        complete(user, courses[0], at(2025, 3, 1, 8, 0))
        complete(user, courses[1], at(2025, 4, 1, 8, 0))
    household = services.household_create(actor=tree["officer_a"], commune=tree["xa_a"],
                                          name="Hộ ông Trần Văn Xuân", head=x,
                                          joined_on=datetime.date(2010, 1, 1))
    services.household_member_add(actor=tree["officer_a"], household=household, user=y,
                                  joined_on=datetime.date(2010, 1, 1))
    recognition_evaluate(unit=tree["so"], year=2025)
    return {k: Candidate.objects.get(kind=k) if k != RecognitionKind.CITIZEN else None
            for k in RecognitionKind.values} | {
        "x": Candidate.objects.get(user=x), "y": Candidate.objects.get(user=y)}


def test_confirm_issues_one_certificate_per_citizen(tree, proposed):
    c = services.candidate_confirm(actor=tree["officer_a"], candidate=proposed["x"], render=False)
    assert c.status == CandidateStatus.CONFIRMED and c.reviewed_by == tree["officer_a"]
    cert = Certificate.objects.get(user__username="x")
    assert cert.award_key == f"recognition:citizen:2025:{c.user_id}"
    assert cert.course_title == "Công dân học tập năm 2025"
    assert cert.issuing_unit == tree["xa_a"]
    again = services.candidate_confirm(actor=tree["officer_so"], candidate=proposed["x"],
                                       render=False)
    assert again.reviewed_by == tree["officer_a"]  # the first confirmation stands
    assert Certificate.objects.filter(user__username="x").count() == 1


def test_family_certificate_goes_to_the_household_head(tree, proposed):
    services.candidate_confirm(actor=tree["officer_a"], candidate=proposed["family"],
                               render=False)
    cert = Certificate.objects.get(award_key__startswith="recognition:family:")
    assert cert.user.username == "x"
    assert "Hộ ông Trần Văn Xuân" in cert.citation


def test_community_and_unit_get_no_certificate(tree, proposed):
    for kind in ("community", "unit"):
        c = services.candidate_confirm(actor=tree["officer_so"], candidate=proposed[kind],
                                       render=False)
        assert c.status == CandidateStatus.CONFIRMED and c.certificate is None
    assert not Certificate.objects.exists()


def test_family_without_head_account_is_confirmed_without_certificate(tree, proposed):
    Household.objects.update(head=None)
    c = services.candidate_confirm(actor=tree["officer_a"], candidate=proposed["family"],
                                   render=False)
    assert c.status == CandidateStatus.CONFIRMED and not Certificate.objects.exists()


def test_reject_needs_a_reason_and_blocks_confirming(tree, proposed):
    with pytest.raises(ValidationError):
        services.candidate_reject(actor=tree["officer_a"], candidate=proposed["y"], reason=" ")
    services.candidate_reject(actor=tree["officer_a"], candidate=proposed["y"],
                              reason="Chưa đủ minh chứng")
    with pytest.raises(ValidationError):
        services.candidate_confirm(actor=tree["officer_a"], candidate=proposed["y"],
                                   render=False)
    assert Candidate.objects.get(pk=proposed["y"].pk).status == CandidateStatus.REJECTED


@pytest.mark.parametrize("who", ["officer_b", "teacher", "stranger"])
def test_only_managers_over_the_unit_review(tree, proposed, who):
    actor = tree.get(who) or UserFactory(username="stranger")
    with pytest.raises(PermissionDenied):
        services.candidate_confirm(actor=actor, candidate=proposed["x"], render=False)
    with pytest.raises(PermissionDenied):
        services.candidate_reject(actor=actor, candidate=proposed["x"], reason="x")
    assert Candidate.objects.get(pk=proposed["x"].pk).status == CandidateStatus.PENDING


def test_school_admin_reviews_their_school_but_not_the_commune(tree, proposed):
    services.candidate_confirm(actor=tree["principal"], candidate=proposed["x"], render=False)
    with pytest.raises(PermissionDenied):
        services.candidate_confirm(actor=tree["principal"], candidate=proposed["family"],
                                   render=False)


def test_moving_in_closes_the_previous_membership(tree, courses):
    person = UserFactory(username="p", full_name="Người Chuyển")
    one = services.household_create(actor=tree["officer_so"], commune=tree["xa_a"], name="Hộ 1")
    two = services.household_create(actor=tree["officer_so"], commune=tree["xa_b"], name="Hộ 2")
    first = services.household_member_add(actor=tree["officer_so"], household=one, user=person,
                                          joined_on=datetime.date(2020, 1, 1))
    services.household_member_add(actor=tree["officer_so"], household=two, user=person,
                                  joined_on=datetime.date(2025, 7, 1))
    first.refresh_from_db()
    assert first.left_on == datetime.date(2025, 7, 1)
    with pytest.raises(ValidationError):
        services.household_member_add(actor=tree["officer_so"], household=two, user=person,
                                      joined_on=datetime.date(2025, 8, 1))
    with pytest.raises(PermissionDenied):  # xã A's officer cannot touch xã B's households
        services.household_member_add(actor=tree["officer_a"], household=two,
                                      full_name="Ai đó", joined_on=datetime.date(2025, 1, 1))


def test_leaving_must_be_after_joining(tree):
    household = services.household_create(actor=tree["officer_a"], commune=tree["xa_a"],
                                          name="Hộ 3")
    member = services.household_member_add(actor=tree["officer_a"], household=household,
                                           full_name="Bà Năm",
                                           joined_on=datetime.date(2020, 5, 1))
    with pytest.raises(ValidationError):
        services.household_member_leave(actor=tree["officer_a"], member=member,
                                        left_on=datetime.date(2020, 5, 1))
    services.household_member_leave(actor=tree["officer_a"], member=member,
                                    left_on=datetime.date(2025, 5, 1))
    member.refresh_from_db()
    assert member.left_on == datetime.date(2025, 5, 1)


def test_rules_are_saved_only_by_managers(tree):
    with pytest.raises(PermissionDenied):
        services.rule_save(actor=tree["officer_a"], unit=tree["xa_b"], year=2025,
                           values={"min_hours": 4})
    rule = services.rule_save(actor=tree["officer_a"], unit=tree["xa_a"], year=2025,
                              values={"min_hours": 4})
    again = services.rule_save(actor=tree["officer_a"], unit=tree["xa_a"], year=2025,
                               values={"min_hours": 6})
    assert rule.pk == again.pk and again.min_hours == 6
