"""Personal data is never kept by a cache (issue 16, defect 11), tested under the production
settings' security values: every response to a signed-in person or an authenticated client is
`Cache-Control: private, no-store` (pages, exports, PDFs, API), the anonymous page cache still
serves public pages, and the language cookie is Secure, HttpOnly and SameSite=Lax."""

import importlib
import sys

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SECURITY_SETTINGS = ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE",
                     "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER",
                     "LANGUAGE_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SAMESITE", "DEBUG")


@pytest.fixture
def production(settings, monkeypatch):
    """The security values of lms.settings.production on top of the test settings (its
    database, cache and broker stay the test ones)."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only-production-secret")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///unused.sqlite3")
    sys.modules.pop("lms.settings.production", None)
    module = importlib.import_module("lms.settings.production")
    sys.modules.pop("lms.settings.production", None)
    for name in SECURITY_SETTINGS:
        setattr(settings, name, getattr(module, name))
    return settings


def test_language_cookie_is_secure_httponly_lax_in_production(client, production):
    assert production.LANGUAGE_COOKIE_SECURE is True
    response = client.get("/ngon-ngu/en/?next=/", secure=True)
    cookie = response.cookies["hocmo_lang"]
    assert cookie["secure"] is True and cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize("path", ["/cua-toi/", "/tai-khoan/bao-mat/", "/thong-bao/",
                                  "/api/v1/units/"])
def test_signed_in_responses_are_private_no_store(client, production, path):
    client.force_login(UserFactory())
    response = client.get(path, secure=True)
    assert response["Cache-Control"] in ("private, no-store",) or (
        "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"])


def test_parent_child_page_class_csv_and_certificate_are_private(client, production,
                                                                 school_tree):
    from lms.accounts.models import GuardianLink
    from tests.factories import learner_in, staff_at

    child = learner_in(school_tree["class_a"])
    parent = UserFactory()
    GuardianLink.objects.create(guardian=parent, learner=child)
    client.force_login(parent)
    page = client.get(f"/phu-huynh/con/{child.pk}/", secure=True)
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    teacher = staff_at(school_tree["class_a"])
    client.force_login(teacher)
    grid = client.get(f"/bao-cao/lop/{school_tree['class_a'].pk}/", secure=True)
    assert "no-store" in grid["Cache-Control"] and "private" in grid["Cache-Control"]


def test_anonymous_public_pages_still_come_from_the_page_cache(client, production):
    from tests.factories import course_with_lessons

    course, _ = course_with_lessons(1)
    first = client.get(course.url, secure=True)
    second = client.get(course.url, secure=True)
    assert first.status_code == second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert "no-store" not in first.get("Cache-Control", "")


def test_an_authorization_header_makes_the_answer_private(client, production):
    response = client.get("/xapi/about", secure=True, HTTP_AUTHORIZATION="Basic eDp5")
    assert "no-store" in response["Cache-Control"]


def test_class_csv_and_certificate_pdf_are_private_no_store(client, production, school_tree):
    from courses.certificates.services import certificate_issue
    from courses.services import enrolment_create, progress_record
    from tests.factories import course_with_lessons, learner_in, staff_at

    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_a"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    certificate, _ = certificate_issue(user=learner, course=course)
    client.force_login(learner)
    pdf = client.get(f"/chung-chi/{certificate.code}/tai-ve/", secure=True)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "private, no-store"
    client.force_login(staff_at(school_tree["class_a"]))
    csv = client.get(f"/bao-cao/lop/{school_tree['class_a'].pk}/xuat.csv", secure=True)
    assert csv.status_code == 200 and csv["Cache-Control"] == "private, no-store"
