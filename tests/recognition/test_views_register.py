"""Adult self-registration under the commune's community learning centre, phone sign-in."""

import pytest
from django.urls import reverse

from lms.accounts.models import User
from lms.common.phone import phone_normalise
from lms.recognition.services.registration import REGISTRATIONS_PER_HOUR, commune_centre
from lms.units.models import Role, RoleKind, Unit

pytestmark = pytest.mark.django_db
URL = "/cong-dan-hoc-tap/dang-ky/"


def _data(tree, **overrides):
    return {"full_name": "Nguyễn Thị Hạnh", "phone": "+84 912 345 678", "email": "",
            "date_of_birth": "1980-05-20", "commune": tree["xa_a"].pk,
            "password": "hoc-suot-doi-2025", **overrides}


def test_phone_normalise_in_adult_registration():
    assert phone_normalise("0912 345 678") == "0912345678"
    assert phone_normalise("+84 912-345-678") == "0912345678"
    assert phone_normalise("84912345678") == "0912345678"
    assert phone_normalise("912345678") == "0912345678"
    assert phone_normalise("0212345678") == ""  # landline prefix
    assert phone_normalise("091234567") == ""
    assert phone_normalise("abc") == ""


def test_register_creates_learner_at_a_new_centre_and_signs_in(client, tree):
    assert reverse("recognition:register") == URL
    response = client.post(URL, _data(tree))
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_learning")
    user = User.objects.get(phone="0912345678")
    assert (user.username, user.full_name) == ("0912345678", "Nguyễn Thị Hạnh")
    assert str(user.learner_profile.date_of_birth) == "1980-05-20"
    role = Role.objects.get(user=user)
    assert role.kind == RoleKind.LEARNER
    assert role.unit.kind.code == "community_learning_centre"
    assert role.unit.get_parent() == tree["xa_a"]
    assert client.get(reverse("courses:my_learning")).wsgi_request.user == user
    # A second registration in the same commune joins the same centre.
    client.logout()
    client.post(URL, _data(tree, phone="0987000111", full_name="Lê Văn Bốn"))
    assert Unit.objects.filter(kind__code="community_learning_centre").count() == 1
    assert commune_centre(tree["xa_a"]) == role.unit


def test_registered_adult_signs_in_with_phone_in_any_format(client, tree):
    client.post(URL, _data(tree))
    client.logout()
    for typed in ("0912 345 678", "+84912345678"):
        response = client.post(reverse("accounts:login"),
                               {"username": typed, "password": "hoc-suot-doi-2025"})
        assert response.status_code == 302, typed
        client.logout()
    response = client.post(reverse("accounts:login"),
                           {"username": "0912345678", "password": "sai-mat-khau"})
    assert response.status_code == 200


def test_duplicate_phone_is_refused_in_vietnamese(client, tree):
    User.objects.create_user(username="someone", phone="0912345678", password="x")
    before = User.objects.count()
    response = client.post(URL, _data(tree, phone="0912.345.678"))
    assert response.status_code == 400
    assert "Số điện thoại này đã được đăng ký" in response.content.decode()
    assert User.objects.count() == before


@pytest.mark.parametrize("field,value,message", [
    ("phone", "12345", "Số điện thoại di động phải gồm 10 chữ số"),
    ("date_of_birth", "2030-01-01", "Ngày sinh không hợp lệ"),
    ("date_of_birth", "2020-01-01", "phải từ 15 tuổi"),
    ("full_name", " ", ""),
    ("password", "123", ""),
    ("password", "0912345678", ""),  # too similar to the phone / too common
    ("commune", "999999", ""),
])
def test_bad_input_gives_field_errors(client, tree, field, value, message):
    before = User.objects.count()
    response = client.post(URL, _data(tree, **{field: value}))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in str(errors[field])
    assert User.objects.count() == before


def test_only_communes_can_be_chosen(client, tree):
    response = client.post(URL, _data(tree, commune=tree["school"].pk))
    assert response.status_code == 400 and "commune" in response.context["form"].errors


def test_registrations_are_rate_limited_per_ip(client, tree):
    before = User.objects.count()
    for i in range(REGISTRATIONS_PER_HOUR):
        client.post(URL, _data(tree, phone=f"09120000{i:02d}"), REMOTE_ADDR="10.0.0.9")
        client.logout()
    response = client.post(URL, _data(tree, phone="0912000099"), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 400
    assert "quá nhiều lượt đăng ký" in response.content.decode()
    assert User.objects.count() == before + REGISTRATIONS_PER_HOUR
    other = client.post(URL, _data(tree, phone="0912000099"), REMOTE_ADDR="10.0.0.10")
    assert other.status_code == 302


def test_register_page_renders(client, tree):
    html = client.get(URL).content.decode()
    assert "UBND Phường Biên Hòa" in html and 'name="phone"' in html
    assert "Trường THCS Biên Hòa" not in html
