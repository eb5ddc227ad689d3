"""Issue 16: a Content-Security-Policy on every HTML page (django-csp), tested under the test
settings and under lms.settings.production: nonces for the inline scripts, no 'unsafe-inline'
script, frames only from the site and the package content origin, embedded only by the site;
the Wagtail admin keeps its inline scripts (documented in lms/csp.py)."""

import importlib
import re
import sys

import pytest
from django.urls import reverse

from courses.quizzes.models import Attempt
from courses.services import enrolment_create
from tests.factories import UserFactory, course_with_lessons, learner_in
from tests.quizzes.helpers import course_with_quiz, one_of_each

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ") if part.strip()}


def assert_site_policy(response, content_origin="http://noidung.testserver"):
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert content_origin in policy["frame-src"]
    return policy


def test_public_pages_and_cached_pages_carry_the_policy(client):
    _course, lessons = course_with_lessons(1)
    for path in ("/", "/tai-khoan/dang-nhap/", "/khoa-hoc/"):
        assert_site_policy(client.get(path))
    first = client.get(lessons[0].url)
    again = client.get(lessons[0].url)
    assert again.get("X-Page-Cache") == "hit", "the lesson should come from the page cache"
    assert_site_policy(first)
    assert_site_policy(again)


def test_inline_script_runs_by_nonce(client, school_tree):
    course, lesson, _quiz = course_with_quiz(2, question_count=2)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"], username="hs.csp")
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[_quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    response = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    nonce = re.search(r'<script nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in assert_site_policy(response)["script-src"]
    # Every inline script of the page carries it.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert inline and all(f'nonce="{nonce}"' in attrs for attrs in inline)


def test_admins_keep_working(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    wagtail = client.get("/admin/")
    assert wagtail.status_code == 200
    policy = directives(wagtail)
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's own inline scripts only here
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    django_admin = client.get("/django-admin/")
    assert django_admin.status_code == 200
    assert_site_policy(django_admin)


@pytest.fixture
def production(settings, monkeypatch):
    """lms.settings.production with the environment it needs, its security values applied on
    top of the test settings (the database stays the test one)."""
    env = {"DJANGO_SECRET_KEY": "test-only-production-secret",
           "DATABASE_URL": "sqlite:///unused.sqlite3",
           "DJANGO_BASE_URL": "https://hocmo.example.vn",
           "HOCMO_CONTENT_ORIGIN": "https://noidung.hocmo-content.example.vn",
           "DJANGO_ALLOWED_HOSTS": "hocmo.example.vn"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    # Every settings module reads the env (lms.settings.env, .security, ...), so all are re-read.
    modules = [name for name in sys.modules if name.startswith("lms.settings.")]
    saved = {name: sys.modules.pop(name) for name in modules}
    try:
        module = importlib.import_module("lms.settings.production")
    finally:
        for name in [name for name in sys.modules if name.startswith("lms.settings.")]:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
    for name in ("MIDDLEWARE", "CONTENT_SECURITY_POLICY", "HOCMO_SITE_ORIGIN",
                 "HOCMO_CONTENT_ORIGIN", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT",
                 "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS"):
        setattr(settings, name, getattr(module, name))
    return module


def test_policy_under_production_settings(client, production):
    assert production.HOCMO_SITE_ORIGIN == "https://hocmo.example.vn"
    _course, lessons = course_with_lessons(1)
    site = {"secure": True, "HTTP_HOST": "hocmo.example.vn"}
    for path in ("/", "/tai-khoan/dang-nhap/", lessons[0].url, "/khong-co-trang-nay/"):
        response = client.get(path, **site)
        assert response.status_code == (404 if "khong-co" in path else 200), path
        assert_site_policy(response, "https://noidung.hocmo-content.example.vn")
    content = client.get("/", secure=True, HTTP_HOST="noidung.hocmo-content.example.vn")
    assert content.status_code == 404
    assert "sandbox" in content["Content-Security-Policy"] and not content.cookies


def test_api_docs_pages_have_no_inline_script(client):
    client.force_login(UserFactory(username="canbo.api"))
    for path in ("/api/docs/", "/api/redoc/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert_site_policy(response)


def test_the_kept_policy_follows_the_settings(client, settings):
    """lms.csp builds a nonce-free policy once (issue 18): a changed setting is seen at once."""
    assert "https://video.example.vn" not in client.get("/khoa-hoc/")["Content-Security-Policy"]
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"],
                            "frame-src": [*policy["DIRECTIVES"]["frame-src"],
                                          "https://video.example.vn"]}
    settings.CONTENT_SECURITY_POLICY = policy
    assert "https://video.example.vn" in client.get("/tai-khoan/dang-nhap/")[
        "Content-Security-Policy"]
    settings.HOCMO_CONTENT_ORIGIN = "https://goi.example.vn"
    assert "https://goi.example.vn" in client.get("/tai-khoan/dang-nhap/")[
        "Content-Security-Policy"]


def test_memoised_policy_follows_the_content_origin_and_settings(client, settings):
    """lms.csp reuses built headers (issue 18): keyed by the content origin, forgotten when
    settings change; the admin keeps its own policy; a nonce still reaches the header."""
    course, _ = course_with_lessons(1)
    client.get(course.url)
    assert_site_policy(client.get(course.url))
    settings.HOCMO_CONTENT_ORIGIN = "https://noidung.example.vn"
    assert_site_policy(client.get(course.url), content_origin="https://noidung.example.vn")
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
        **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'", "https://anh.vn"]}}
    assert "https://anh.vn" in directives(client.get(course.url))["img-src"]
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin = directives(client.get(reverse("wagtailadmin_home")))
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-inline'" not in directives(client.get("/"))["script-src"]
