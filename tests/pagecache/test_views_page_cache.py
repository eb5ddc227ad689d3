"""The versioned page cache: fast for anonymous visitors, never stale after a publish, and never
shared between signed-in learners."""

import gzip

import pytest
from django.test import Client

from courses.services import enrolment_create, progress_record
from tests.factories import course_with_lessons, learner_in

pytestmark = pytest.mark.django_db


def test_anonymous_course_page_is_served_from_cache(client, django_assert_max_num_queries):
    course, _ = course_with_lessons(2)
    first = client.get(course.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(1):  # the content-version read
        second = client.get(course.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    assert int(second["Content-Length"]) == len(second.content)


def test_html_is_gzipped_for_clients_that_accept_it(client):
    course, _ = course_with_lessons(1)
    client.get(course.url)
    plain = client.get(course.url)
    response = client.get(course.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == plain.content
    assert "Content-Encoding" not in plain


def test_publish_shows_at_once(client):
    course, _ = course_with_lessons(1)
    client.get(course.url)
    course.title = "Khởi nghiệp 2026"
    course.save_revision().publish()
    response = client.get(course.url)
    assert "Khởi nghiệp 2026" in response.content.decode()
    assert response["X-Page-Cache"] == "miss"


def test_unpublish_removes_page_at_once(client):
    course, lessons = course_with_lessons(1)
    assert client.get(lessons[0].url).status_code == 200
    lessons[0].unpublish()
    assert client.get(lessons[0].url).status_code == 404


def test_signed_in_learners_never_share_a_page(school_tree):
    course, lessons = course_with_lessons(2)
    alice = learner_in(school_tree["class_b"], full_name="Trần Thị Ánh")
    bao = learner_in(school_tree["class_b"], full_name="Lê Văn Bảo")
    enrolment_create(user=alice, course=course)
    progress_record(user=alice, lesson=lessons[0], completed=True)

    a, b = Client(), Client()
    a.force_login(alice)
    b.force_login(bao)
    page_a = a.get(lessons[0].url).content.decode()
    page_b = b.get(lessons[0].url).content.decode()
    assert "Trần Thị Ánh" in page_a and "Lê Văn Bảo" not in page_a
    assert "Lê Văn Bảo" in page_b and "Trần Thị Ánh" not in page_b
    assert "Bạn đã hoàn thành bài học này" in page_a
    assert "Bạn đã hoàn thành bài học này" not in page_b


def test_language_is_part_of_the_key(client):
    course, _ = course_with_lessons(1)
    vi = client.get(course.url)
    client.cookies["hocmo_lang"] = "en"
    en = client.get(course.url)
    assert vi["Content-Language"] == "vi"
    assert en["Content-Language"] == "en"


def test_logged_in_lesson_page_query_budget(school_tree, django_assert_max_num_queries):
    course, lessons = course_with_lessons(3)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    c = Client()
    c.force_login(learner)
    c.get(lessons[1].url)  # warm the route, outline and body caches
    with django_assert_max_num_queries(4):
        response = c.get(lessons[1].url)
    assert response.status_code == 200


@pytest.mark.parametrize("accept_encoding", ["", "gzip, deflate, br"])
@pytest.mark.parametrize("language", [None, "en"])
def test_cache_hit_carries_the_same_headers_as_the_rendered_page(client, accept_encoding,
                                                                 language):
    """Issue 18: a hit is answered before the inner middleware, and the CSP header comes from
    lms.csp's memo — no header may be lost or differ (security headers, CSP, Vary, language,
    caching)."""
    course, _ = course_with_lessons(1)
    if language:
        client.cookies["hocmo_lang"] = language
    headers = {"HTTP_ACCEPT_ENCODING": accept_encoding, "secure": True}
    miss = client.get(course.url, **headers)
    hit = client.get(course.url, **headers)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    # A miss is gzipped by GZipMiddleware with Django's random padding, a hit carries the
    # variant compressed when stored: the lengths differ, each matching its own body.
    # Each request has its own id (lms/ops), hit or miss.
    ignored = {"X-Page-Cache", "Content-Length", "X-Request-ID"}
    assert miss["X-Request-ID"] != hit["X-Request-ID"]
    assert {k: v for k, v in miss.items() if k not in ignored} == \
        {k: v for k, v in hit.items() if k not in ignored}
    for response in (miss, hit):
        assert int(response.get("Content-Length", len(response.content))) == len(response.content)
    assert "Content-Security-Policy" in hit and "X-Content-Type-Options" in hit
