import pytest
from django.conf import settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default_even_for_english_browsers(client):
    response = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.content.decode()


def test_switch_to_english_sets_cookie_and_remembers_choice(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/ngon-ngu/en/", {"next": "/tai-khoan/dang-nhap/"})
    assert response.status_code == 302 and response.url == "/tai-khoan/dang-nhap/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    user.refresh_from_db()
    assert user.preferred_language == "en"
    page = client.get("/cua-toi/")
    assert '<html lang="en">' in page.content.decode()
    assert "My learning" in page.content.decode()


def test_switch_refuses_offsite_redirect_and_unknown_language(client):
    response = client.get("/ngon-ngu/xx/?next=https://evil.example/")
    assert response.url == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_login_with_wrong_password_shows_vietnamese_error(client):
    UserFactory(username="hs.sai")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "hs.sai", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


def test_login_then_lands_on_my_learning(client):
    UserFactory(username="hs.dung")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "hs.dung", "password": "mat-khau-thu"},
                           follow=True)
    assert response.redirect_chain[-1][0] == "/cua-toi/"


def test_parent_lands_on_children_and_gets_the_parent_link(client, school_tree):
    from lms.accounts.models import GuardianLink
    from tests.factories import learner_in

    child = learner_in(school_tree["class_b"])
    parent = UserFactory(username="ph.lan")
    GuardianLink.objects.create(guardian=parent, learner=child)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "ph.lan", "password": "mat-khau-thu"},
                           follow=True)
    assert response.redirect_chain[-1][0] == "/phu-huynh/"
    assert "Con của tôi" in response.content.decode()


def test_learner_does_not_get_the_parent_link(client, school_tree):
    from tests.factories import learner_in

    learner_in(school_tree["class_b"], username="hs.nam")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "hs.nam", "password": "mat-khau-thu"},
                           follow=True)
    assert "Con của tôi" not in response.content.decode()
