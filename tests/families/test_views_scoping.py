"""A parent sees only linked children: every URL and API path for another child answers 404,
and a revoked link loses access on the very next request."""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.services import enrolment_create, progress_record
from tests.factories import course_with_lessons

pytestmark = pytest.mark.django_db


def child_urls(learner_id):
    return [reverse("families:child", args=[learner_id]),
            reverse("families:child_api", args=[learner_id])]


@pytest.fixture
def learning(family):
    course, lessons = course_with_lessons(3, title="Kỹ năng số cơ bản")
    enrolment_create(user=family["child"], course=course)
    progress_record(user=family["child"], lesson=lessons[0], completed=True, seconds=600,
                    history=True)
    progress_record(user=family["child"], lesson=lessons[1], percent=40, seconds=300,
                    history=True)
    return course, lessons


def test_parent_home_shows_child_progress(client, family, learning):
    client.force_login(family["parent"])
    response = client.get(reverse("families:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Minh An" in html and "Kỹ năng số cơ bản" in html and "33%" in html
    detail = client.get(reverse("families:child", args=[family["child"].pk])).content.decode()
    assert "Bài 1: Ý tưởng khởi nghiệp" in detail and "40%" in detail
    assert "15 phút học" in detail
    data = client.get(reverse("families:child_api", args=[family["child"].pk])).json()
    assert data["courses"][0]["lessons"][0]["completed"] is True
    assert data["courses"][0]["lessons"][1]["percent"] == 40


@pytest.mark.parametrize("who", ["other_parent", "other_teacher", "classmate"])
def test_others_cannot_read_the_child_by_any_path(client, family, learning, who):
    client.force_login(family[who])
    for url in child_urls(family["child"].pk):
        assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_login(client, family):
    for url in child_urls(family["child"].pk):
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_parent_cannot_read_unlinked_child_or_missing_id(client, family):
    client.force_login(family["parent"])
    for learner_id in (family["other_child"].pk, family["classmate"].pk, 999999):
        for url in child_urls(learner_id):
            assert client.get(url).status_code == 404


def test_revoked_link_loses_access_at_once(client, family, learning):
    client.force_login(family["parent"])
    url = reverse("families:child", args=[family["child"].pk])
    assert client.get(url).status_code == 200
    family["link"].revoked_at = timezone.now()
    family["link"].save()
    assert client.get(url).status_code == 404
    assert "Nguyễn Minh An" not in client.get(reverse("families:home")).content.decode()


def test_teacher_page_and_code_creation_are_scoped(client, family):
    url = reverse("families:link_code_create", args=[family["class"].pk, family["child"].pk])
    client.force_login(family["other_teacher"])
    assert client.get(reverse("families:class_families",
                              args=[family["class"].pk])).status_code == 404
    assert client.post(url).status_code == 404
    client.force_login(family["parent"])
    assert client.post(url).status_code == 404
    client.force_login(family["teacher"])
    assert client.get(url).status_code == 405  # state changes are POST only
    response = client.post(url)
    assert response.status_code == 200
    assert "Phiếu mã liên kết" in response.content.decode()


def test_register_page_errors_in_vietnamese(client, family):
    response = client.post(reverse("families:register"), {
        "code": "XXXXX-YYYYY", "full_name": "Lê Hoa", "phone": "12", "password": "mat-khau-dai-1"})
    assert response.status_code == 400
    assert "Số điện thoại di động phải gồm 10 chữ số" in response.content.decode()


def test_parent_registers_and_lands_on_home(client, family):
    from lms.families.services import link_code_create

    _, code = link_code_create(actor=family["teacher"], learner=family["classmate"])
    response = client.post(reverse("families:register"), {
        "code": code, "full_name": "Lê Thị Hoa", "phone": "0987 000 222", "email": "",
        "password": "mat-khau-dai-1"}, follow=True)
    assert response.status_code == 200
    assert "Trần Thu Bình" in response.content.decode()


def test_parent_revoke_by_other_is_404(client, family):
    client.force_login(family["other_parent"])
    response = client.post(reverse("families:link_revoke", args=[family["link"].pk]))
    assert response.status_code == 404
    family["link"].refresh_from_db()
    assert family["link"].revoked_at is None
