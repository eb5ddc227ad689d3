import pytest
from django.urls import reverse

from lms.careers.models import Application, Employer, JobPosting
from lms.careers.services import application_submit

from .factories import make_certificate, make_posting

pytestmark = pytest.mark.django_db


def _apply(client, posting, **data):
    return client.post(reverse("careers:apply", args=[posting.pk]),
                       {"contact": "0912 345 678", "message": "Em muốn học việc", **data})


def test_board_lists_only_open_postings_of_approved_employers(client, world):
    make_posting(world["pending"], title="Tin của doanh nghiệp chưa duyệt")
    make_posting(world["employer_a"], title="Tin đã đóng", status="closed")
    body = client.get(reverse("careers:board")).content.decode()
    assert "Thợ điện học việc" in body and "Nhân viên kho" in body
    assert "chưa duyệt" not in body and "Tin đã đóng" not in body


def test_closed_posting_is_404_for_strangers(client, world):
    closed = make_posting(world["employer_a"], title="Tin đã đóng", status="closed")
    assert client.get(reverse("careers:posting", args=[closed.pk])).status_code == 404
    client.force_login(world["employer_a_user"])
    assert client.get(reverse("careers:posting", args=[closed.pk])).status_code == 200


def test_learner_applies_with_a_certificate_once(client, world):
    certificate = make_certificate(world["learner"])
    client.force_login(world["learner"])
    page = client.get(reverse("careers:posting", args=[world["posting_a"].pk])).content.decode()
    assert certificate.code in page
    response = _apply(client, world["posting_a"], certificates=[certificate.pk])
    assert response.status_code == 302
    response = _apply(client, world["posting_a"], certificates=[certificate.pk])
    assert response.status_code == 302
    application = Application.objects.get(learner=world["learner"])
    assert list(application.certificates.all()) == [certificate]
    mine = client.get(reverse("careers:my_applications")).content.decode()
    assert "Thợ điện học việc" in mine


def test_anonymous_cannot_apply(client, world):
    response = _apply(client, world["posting_a"])
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert not Application.objects.exists()


def test_attaching_someone_elses_certificate_is_a_400(client, world):
    others = make_certificate(world["classmate"])
    client.force_login(world["learner"])
    response = _apply(client, world["posting_a"], certificates=[others.pk])
    assert response.status_code == 400
    assert "Chứng chỉ không hợp lệ." in response.content.decode()
    assert not Application.objects.exists()


def test_applying_to_a_closed_posting_is_refused(client, world):
    world["posting_a"].status = "closed"
    world["posting_a"].save()
    client.force_login(world["learner"])
    assert _apply(client, world["posting_a"]).status_code == 404  # not visible any more
    assert not Application.objects.exists()


def test_unapproved_employer_gets_403_and_posts_nothing(client, world):
    client.force_login(world["pending_user"])
    url = reverse("careers:posting_new")
    assert client.get(url).status_code == 403
    response = client.post(url, {"title": "Tin lậu", "kind": "job", "location": "HP",
                                 "description": "x", "deadline": "2099-01-01", "status": "open"})
    assert response.status_code == 403
    assert not JobPosting.objects.filter(employer=world["pending"]).exists()


def test_approved_employer_posts_through_the_form(client, world):
    client.force_login(world["employer_a_user"])
    response = client.post(reverse("careers:posting_new"), {
        "title": "Thợ may", "kind": "apprenticeship", "location": "Hải Phòng",
        "description": "May mẫu", "deadline": "2099-01-01", "status": "open",
        "wage_min": "7000000", "wage_max": "5000000"})
    assert response.status_code == 400  # wages reversed
    assert "Lương đến phải không nhỏ hơn lương từ." in response.content.decode()
    response = client.post(reverse("careers:posting_new"), {
        "title": "Thợ may", "kind": "apprenticeship", "location": "Hải Phòng",
        "description": "May mẫu", "deadline": "2099-01-01", "status": "open"})
    assert response.status_code == 302
    assert JobPosting.objects.filter(employer=world["employer_a"], title="Thợ may").exists()


def test_employer_a_cannot_see_or_touch_employer_bs_applications(client, world):
    application, _ = application_submit(learner=world["learner_b"], posting=world["posting_b"],
                                        contact="0912")
    client.force_login(world["employer_a_user"])
    assert client.get(reverse("careers:posting_applicants",
                              args=[world["posting_b"].pk])).status_code == 404
    assert client.get(reverse("careers:posting_edit",
                              args=[world["posting_b"].pk])).status_code == 404
    response = client.post(reverse("careers:application_status", args=[application.pk]),
                           {"status": "accepted"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"
    client.force_login(world["employer_b_user"])
    page = client.get(reverse("careers:posting_applicants", args=[world["posting_b"].pk]))
    assert world["learner_b"].get_full_name() in page.content.decode()
    client.post(reverse("careers:application_status", args=[application.pk]),
                {"status": "interview"})
    application.refresh_from_db()
    assert application.status == "interview"


def test_employer_sees_certificate_verify_link(client, world):
    certificate = make_certificate(world["learner"])
    application_submit(learner=world["learner"], posting=world["posting_a"], contact="0912",
                       certificates=[certificate])
    client.force_login(world["employer_a_user"])
    body = client.get(reverse("careers:posting_applicants",
                              args=[world["posting_a"].pk])).content.decode()
    assert f"/verify/{certificate.code}/" in body


def test_learners_see_only_their_own_applications(client, world):
    application_submit(learner=world["classmate"], posting=world["posting_a"], contact="0912")
    client.force_login(world["learner"])
    assert "Thợ điện học việc" not in client.get(
        reverse("careers:my_applications")).content.decode()
    # Employer pages are not theirs either.
    assert client.get(reverse("careers:posting_applicants",
                              args=[world["posting_a"].pk])).status_code == 404
    assert client.get(reverse("careers:employer_home")).status_code == 404


def test_approval_page_and_action_are_scoped(client, world):
    client.force_login(world["officer_other"])
    assert "Xưởng chờ duyệt" not in client.get(
        reverse("careers:employer_approvals")).content.decode()
    assert client.post(reverse("careers:employer_approve", args=[world["pending"].pk]),
                       {"approve": "1"}).status_code == 404
    client.force_login(world["learner"])
    assert client.get(reverse("careers:employer_approvals")).status_code == 404
    client.force_login(world["officer_so"])
    assert "Xưởng chờ duyệt" in client.get(reverse("careers:employer_approvals")).content.decode()
    client.post(reverse("careers:employer_approve", args=[world["pending"].pk]), {"approve": "1"})
    assert Employer.objects.get(pk=world["pending"].pk).approved


def test_anonymous_employer_registration_creates_a_pending_employer(client, world):
    response = client.post(reverse("careers:employer_register"), {
        "name": "HTX Rau sạch", "tax_code": "0100000077", "unit": world["phong"].pk,
        "contact_name": "Chú Năm", "username": "ntd.rau", "password": "Rau-sach-2025!"})
    assert response.status_code == 302
    employer = Employer.objects.get(tax_code="0100000077")
    assert not employer.approved and employer.members.get().user.username == "ntd.rau"
    from django.test import Client

    bad = Client().post(reverse("careers:employer_register"), {
        "name": "X", "tax_code": "12AB", "unit": world["phong"].pk, "contact_name": "Y",
        "username": "ntd.x", "password": "Rau-sach-2025!"})
    assert bad.status_code == 400 and "Mã số thuế gồm 10 chữ số" in bad.content.decode()
    assert not Employer.objects.filter(name="X").exists()
