"""Issue 19 item 3: 403, 404, 500 and the CSRF failure are the site's own pages, in the
visitor's language (the `hocmo_lang` cookie, as everywhere else), each with a way back; the 500
page renders without the database or context processors; the content origin keeps its plain
text errors."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings

from lms import errors

pytestmark = pytest.mark.django_db

TEXTS = {
    403: {"vi": "Không có quyền truy cập", "en": "Access denied"},
    404: {"vi": "Không tìm thấy trang", "en": "Page not found"},
    500: {"vi": "Đã có lỗi ở máy chủ", "en": "Something went wrong on the server"},
    "csrf": {"vi": "Không gửi được biểu mẫu", "en": "The form could not be sent"},
}
HOME = {"vi": "Về trang chủ", "en": "Back to the home page"}
SIGN_IN = {"vi": "Đăng nhập", "en": "Log in"}


def _client(language: str, **kwargs) -> Client:
    client = Client(raise_request_exception=False, **kwargs)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _assert_page(response, status, key, language):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert TEXTS[key][language] in html
    assert HOME[language] in html and 'href="/"' in html
    other = "en" if language == "vi" else "vi"
    assert TEXTS[key][other] not in html
    return html


def test_the_site_urlconf_wires_the_handlers():
    from lms import urls

    assert (urls.handler403, urls.handler404, urls.handler500) == (
        "lms.errors.forbidden", "lms.errors.not_found", "lms.errors.server_error")
    assert settings.CSRF_FAILURE_VIEW == "lms.errors.csrf_failure"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_404_in_the_visitors_language_with_a_way_back(language):
    html = _assert_page(_client(language).get("/khong-co-trang-nay/", HTTP_REFERER=(
        "http://testserver/khoa-hoc/")), 404, 404, language)
    assert 'href="http://testserver/khoa-hoc/"' in html  # back to where they came from
    assert "/tai-khoan/dang-nhap/?next=/khong-co-trang-nay/" in html  # anonymous: sign in
    assert SIGN_IN[language] in html


def test_404_never_links_back_to_another_site():
    html = _client("vi").get("/khong-co/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in html


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.urls("tests.error_urls")
def test_403_in_the_visitors_language(language, django_user_model):
    client = _client(language)
    _assert_page(client.get("/__test__/cam/"), 403, 403, language)
    # signed in: no sign-in link
    client.force_login(django_user_model.objects.create_user("an", password="x"))
    html = _assert_page(client.get("/__test__/cam/"), 403, 403, language)
    assert "dang-nhap/?next" not in html


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.urls("tests.error_urls")
def test_500_in_the_visitors_language(language):
    html = _assert_page(_client(language).get("/__test__/loi/"), 500, 500, language)
    assert "boom" not in html
    assert 'href="/__test__/loi/"' in html  # try again
    assert SIGN_IN[language] in html  # no session cookie: anonymous


@pytest.mark.parametrize("language", ["vi", "en"])
def test_500_renders_without_the_database_or_context_processors(language):
    request = RequestFactory().get("/khoa-hoc/")
    request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = language
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"  # a session: no sign-in link
    with CaptureQueriesContext(connection) as queries, override_settings(TEMPLATES=[{
            **settings.TEMPLATES[0], "OPTIONS": {**settings.TEMPLATES[0]["OPTIONS"],
                                                "context_processors": []}}]):
        response = errors.server_error(request)
    assert len(queries) == 0
    html = response.content.decode()
    assert response.status_code == 500 and TEXTS[500][language] in html
    assert SIGN_IN[language] not in html


def test_500_when_the_request_itself_is_broken():
    class Broken:
        COOKIES = None

        def get_full_path(self):
            raise ValueError

    response = errors.server_error(Broken())
    assert response.status_code == 500 and TEXTS[500]["vi"] in response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_csrf_failure_in_the_visitors_language(language):
    client = _client(language, enforce_csrf_checks=True)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "a", "password": "b"},
                           HTTP_REFERER="http://testserver/tai-khoan/dang-nhap/")
    html = _assert_page(response, 403, "csrf", language)
    assert 'href="http://testserver/tai-khoan/dang-nhap/"' in html


def test_the_content_origin_keeps_plain_errors():
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    response = client.get("/h5p/khong-co/", HTTP_HOST="noidung.testserver")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/plain")
    response = client.post("/h5p/khong-co/", HTTP_HOST="noidung.testserver")
    assert response.status_code in (403, 404)
    assert response["Content-Type"].startswith("text/plain")
