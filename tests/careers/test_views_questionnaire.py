import pytest
from django.urls import reverse

from lms.careers import riasec
from lms.careers.models import Occupation, QuestionnaireResult
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post_data(**per_scale):
    return {key: str(per_scale.get(scale, 0)) for key, scale, _t in riasec.STATEMENTS}


@pytest.fixture
def occupations():
    return [Occupation.objects.create(title="Lập trình viên", slug="lap-trinh-vien",
                                      riasec_code="ICR", summary="Viết phần mềm", live=True),
            Occupation.objects.create(title="Hướng dẫn viên", slug="huong-dan-vien",
                                      riasec_code="SEA", summary="Dẫn khách", live=True)]


def test_anonymous_gets_the_form_and_a_result_with_suggestions(client, occupations):
    page = client.get(reverse("careers:questionnaire"))
    assert page.status_code == 200
    assert page.content.decode().count('type="radio"') == 24 * 3
    response = client.post(reverse("careers:questionnaire"), _post_data(I=2, C=1))
    assert response.status_code == 200
    body = response.content.decode()
    assert "IC" in body and "Lập trình viên" in body and "Hướng dẫn viên" not in body
    assert QuestionnaireResult.objects.count() == 0  # anonymous results are not stored


def test_missing_answers_are_a_400_with_vietnamese_errors(client):
    data = _post_data(I=2)
    del data["r1"]
    response = client.post(reverse("careers:questionnaire"), data)
    assert response.status_code == 400
    assert "Hãy chọn một mức cho câu này." in response.content.decode()


def test_signed_in_result_is_saved_and_private(client, occupations):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("careers:questionnaire"), _post_data(S=2, E=1))
    result = QuestionnaireResult.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == reverse("careers:result", args=[result.pk])
    assert "Hướng dẫn viên" in client.get(response["Location"]).content.decode()
    client.force_login(UserFactory())
    assert client.get(reverse("careers:result", args=[result.pk])).status_code == 404


def test_occupation_page_shows_live_profiles_only(client, occupations):
    Occupation.objects.create(title="Nháp", slug="nhap", riasec_code="R", summary="…", live=False)
    assert client.get(reverse("careers:occupation", args=["lap-trinh-vien"])).status_code == 200
    assert client.get(reverse("careers:occupation", args=["nhap"])).status_code == 404
    index = client.get(reverse("careers:index")).content.decode()
    assert "Lập trình viên" in index and "Nháp" not in index
