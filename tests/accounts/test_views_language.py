"""The VI · EN switch (issue 16, defect 9): a GET (a link, an image, a prefetch) changes only
the visitor's cookie, never the account; the signed-in header switches by a CSRF-checked POST."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_get_signed_in_sets_the_cookie_but_not_the_account(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/ngon-ngu/en/?next=/cua-toi/")
    assert response.status_code == 302 and response.url == "/cua-toi/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    user.refresh_from_db()
    assert user.preferred_language == "vi"


def test_the_post_needs_the_csrf_token():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    refused = client.post("/ngon-ngu/en/", {"next": "/cua-toi/"})
    assert refused.status_code == 403
    user.refresh_from_db()
    assert user.preferred_language == "vi"
    page = client.get("/cua-toi/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    done = client.post("/ngon-ngu/en/", {"next": "/cua-toi/", "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_signed_in_header_has_a_post_button_anonymous_a_link(client):
    anonymous = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert 'href="/ngon-ngu/en/?next=' in anonymous
    client.force_login(UserFactory())
    signed_in = client.get("/cua-toi/").content.decode()
    assert '<form method="post" action="/ngon-ngu/en/"' in signed_in
    assert 'href="/ngon-ngu/en/' not in signed_in


def test_other_methods_are_refused(client):
    assert client.put("/ngon-ngu/en/").status_code == 405
