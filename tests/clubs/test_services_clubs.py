import datetime

import pytest
from django.core.exceptions import ValidationError

from lms.clubs import services
from lms.clubs.models import Club, Membership, MembershipStatus
from lms.clubs.permissions import can_manage_club

pytestmark = pytest.mark.django_db


def test_founder_becomes_adviser_and_name_is_folded(world):
    club = world["club"]
    assert list(club.advisers.all()) == [world["teacher_b"]]
    assert club.name_folded == "clb khoi nghiep ngo quyen"
    assert club.slug == "clb-khoi-nghiep-ngo-quyen"
    again = services.club_create(actor=world["admin_b"], unit=world["school_b"],
                                 name="CLB Khởi nghiệp Ngô Quyền")
    assert again.slug == "clb-khoi-nghiep-ngo-quyen-2"


def test_teacher_of_another_school_cannot_create_or_edit(world):
    with pytest.raises(PermissionError):
        services.club_create(actor=world["teacher_a"], unit=world["school_b"], name="X")
    with pytest.raises(PermissionError):
        services.club_update(actor=world["teacher_a"], club=world["club"], name="Đổi tên")
    with pytest.raises(PermissionError):  # officers report, they do not run clubs
        services.club_create(actor=world["officer_so"], unit=world["school_b"], name="X")
    assert not Club.objects.filter(name="X").exists()


def test_manage_rules(world):
    club = world["club"]
    assert can_manage_club(world["teacher_b"], club)
    assert can_manage_club(world["admin_b"], club)  # the school's head oversees every club
    assert not can_manage_club(world["teacher_b2"], club)  # same school, not an adviser
    assert not can_manage_club(world["teacher_a"], club)
    assert not can_manage_club(world["learner_b"], club)


def test_advisers_must_be_staff_at_or_above_the_club_unit(world):
    with pytest.raises(ValidationError):
        services.club_update(actor=world["teacher_b"], club=world["club"],
                             advisers=[world["teacher_a"]])
    services.club_update(actor=world["teacher_b"], club=world["club"],
                         advisers=[world["teacher_b"], world["teacher_b2"]])
    assert can_manage_club(world["teacher_b2"], world["club"])


def test_join_request_accept_is_idempotent(world):
    club, learner = world["club"], world["learner_b"]
    row = services.membership_request(learner=learner, club=club)
    assert services.membership_request(learner=learner, club=club).pk == row.pk
    assert row.status == MembershipStatus.PENDING
    services.membership_decide(actor=world["teacher_b"], membership=row, accept=True)
    row = services.membership_decide(actor=world["teacher_b"], membership=row, accept=False)
    assert row.status == MembershipStatus.ACTIVE  # the second press changed nothing
    assert row.joined_on is not None


def test_learner_of_another_school_cannot_join_or_be_added(world):
    with pytest.raises(PermissionError):
        services.membership_request(learner=world["learner_a"], club=world["club"])
    with pytest.raises(ValidationError):
        services.members_add(actor=world["teacher_b"], club=world["club"],
                             learners=[world["learner_a"], world["learner_b"]])
    assert not Membership.objects.exists()  # nothing half-saved


def test_add_leave_and_rejoin(world):
    club = world["club"]
    assert services.members_add(actor=world["teacher_b"], club=club,
                                learners=[world["learner_b"]]) == 1
    assert services.members_add(actor=world["teacher_b"], club=club,
                                learners=[world["learner_b"]]) == 0
    row = Membership.objects.get(club=club, user=world["learner_b"])
    services.membership_end(actor=world["learner_b"], membership=row)
    row.refresh_from_db()
    assert row.status == MembershipStatus.LEFT and row.left_on is not None
    with pytest.raises(PermissionError):  # another learner cannot remove them
        services.membership_end(actor=world["learner_b2"], membership=row)
    services.membership_request(learner=world["learner_b"], club=club)
    row.refresh_from_db()
    assert row.status == MembershipStatus.PENDING


def test_closed_club_takes_no_requests(world):
    services.club_update(actor=world["teacher_b"], club=world["club"],
                         closed_on=datetime.date(2026, 1, 1))
    with pytest.raises(PermissionError):
        services.membership_request(learner=world["learner_b"], club=world["club"])
