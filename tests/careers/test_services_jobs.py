import pytest

from lms.careers.models import Application, ApplicationStatus, JobPosting
from lms.careers.services import (
    CareersError,
    application_status_set,
    application_submit,
    employer_approve,
    employer_register,
    posting_save,
)
from tests.factories import UserFactory, course_with_lessons

from .factories import make_certificate, make_posting

pytestmark = pytest.mark.django_db

POSTING = {"title": "Kỹ thuật viên", "kind": "job", "location": "Hải Phòng",
           "description": "Bảo trì điện", "deadline": None, "status": "open"}


def _data(**extra):
    import datetime as dt

    from django.utils import timezone

    return {**POSTING, "deadline": timezone.localdate() + dt.timedelta(days=10), **extra}


def test_unapproved_employer_cannot_post(world):
    with pytest.raises(CareersError):
        posting_save(actor=world["pending_user"], data=_data())
    assert not JobPosting.objects.filter(employer=world["pending"]).exists()


def test_approved_employer_posts_and_cannot_edit_anothers_posting(world):
    posting = posting_save(actor=world["employer_a_user"], data=_data())
    assert posting.employer == world["employer_a"] and posting.created_by == world["employer_a_user"]
    with pytest.raises(PermissionError):
        posting_save(actor=world["employer_a_user"], posting=world["posting_b"],
                     data=_data(title="Chiếm tin"))
    world["posting_b"].refresh_from_db()
    assert world["posting_b"].title == "Nhân viên kho"
    with pytest.raises(PermissionError):  # a learner is nobody's staff
        posting_save(actor=world["learner"], data=_data())


def test_register_creates_account_and_unapproved_employer_all_or_nothing(world):
    employer = employer_register(account={"username": "ntd.moi", "password": "Mat-khau-12345",
                                          "full_name": "Chị Tư"},
                                 name="Cơ sở mới", tax_code="0100000099", unit=world["so"],
                                 contact_name="Chị Tư")
    assert not employer.approved and employer.members.get().user.username == "ntd.moi"
    with pytest.raises(CareersError):  # already staff of an employer
        employer_register(user=world["employer_a_user"], name="Thứ hai", tax_code="0100000098",
                          unit=world["so"], contact_name="X")


def test_approval_only_within_the_approvers_subtree(world):
    with pytest.raises(PermissionError):
        employer_approve(actor=world["officer_other"], employer=world["pending"])
    with pytest.raises(PermissionError):  # teachers do not approve employers
        employer_approve(actor=world["teacher"], employer=world["pending"])
    employer = employer_approve(actor=world["officer_phong"], employer=world["pending"])
    assert employer.approved and employer.approved_by == world["officer_phong"]
    first_time = employer.approved_at
    employer_approve(actor=world["officer_so"], employer=world["pending"])  # repeat: no change
    employer.refresh_from_db()
    assert employer.approved_at == first_time and employer.approved_by == world["officer_phong"]


def test_application_is_idempotent_and_keeps_the_first_message(world):
    certificate = make_certificate(world["learner"])
    first, created = application_submit(learner=world["learner"], posting=world["posting_a"],
                                        contact="0912", message="Lần 1",
                                        certificates=[certificate])
    again, created_again = application_submit(learner=world["learner"],
                                              posting=world["posting_a"], contact="0913",
                                              message="Lần 2")
    assert created and not created_again and again.pk == first.pk
    assert Application.objects.filter(learner=world["learner"]).count() == 1
    again.refresh_from_db()
    assert again.message == "Lần 1" and list(again.certificates.all()) == [certificate]


@pytest.mark.parametrize("change", [{"status": "closed"}, {"days": -1}, {"status": "draft"}])
def test_closed_past_deadline_or_draft_postings_refuse(world, change):
    posting = make_posting(world["employer_a"], title="Đóng", **change)
    with pytest.raises(CareersError):
        application_submit(learner=world["learner"], posting=posting, contact="0912")
    assert not Application.objects.filter(posting=posting).exists()


def test_postings_of_an_employer_whose_approval_was_withdrawn_refuse(world):
    employer_approve(actor=world["officer_so"], employer=world["employer_a"], approved=False)
    world["posting_a"].refresh_from_db()
    with pytest.raises(CareersError):
        application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912")


def test_only_own_valid_certificates_can_be_attached(world):
    others = make_certificate(world["classmate"])
    with pytest.raises(CareersError):
        application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912",
                           certificates=[others])
    revoked = make_certificate(world["learner"], revoked=True)
    with pytest.raises(CareersError):
        application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912",
                           certificates=[revoked])
    assert not Application.objects.exists()


def test_required_course_must_be_completed(world):
    from django.utils import timezone

    from courses.models import CourseCompletion

    course, _ = course_with_lessons(1, title="Kỹ năng số", slug="ky-nang-so")
    world["posting_a"].required_courses.set([course])
    with pytest.raises(CareersError, match="Kỹ năng số"):
        application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912")
    CourseCompletion.objects.create(user=world["learner"], course=course,
                                    completed_at=timezone.now())
    _application, created = application_submit(learner=world["learner"],
                                               posting=world["posting_a"], contact="0912")
    assert created


def test_employer_staff_cannot_apply_to_their_own_posting(world):
    with pytest.raises(CareersError):
        application_submit(learner=world["employer_a_user"], posting=world["posting_a"],
                           contact="0912")


def test_only_the_postings_employer_moves_an_application(world):
    application, _ = application_submit(learner=world["learner"], posting=world["posting_a"],
                                        contact="0912")
    for outsider in (world["employer_b_user"], world["learner"], UserFactory()):
        with pytest.raises(PermissionError):
            application_status_set(actor=outsider, application=application,
                                   status=ApplicationStatus.ACCEPTED)
    application_status_set(actor=world["employer_a_user"], application=application,
                           status=ApplicationStatus.INTERVIEW)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEW
