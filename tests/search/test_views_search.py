"""The search page and autocomplete over HTTP."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from search.services import search_reindex_all
from tests.factories import course_with_lessons, library_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    course, lessons = course_with_lessons(2, title="Khởi nghiệp cho học sinh")
    item = library_item("Kế hoạch Đồng Nai 2025", summary="Đào tạo nhân lực ở Đồng Nai")
    hidden = library_item("Đồng Nai nội bộ")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    search_reindex_all()
    return course, lessons, item


def test_search_page_without_accents_highlights_accented_words(client, content):
    response = client.get(reverse("search:search"), {"q": "dong nai"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Đồng</mark> <mark>Nai</mark> 2025" in html
    assert "nội bộ" not in html
    assert 'href="/thu-vien/ke-hoach-dong-nai-2025/"' in html


def test_kind_filter(client, content):
    response = client.get(reverse("search:search"), {"q": "khoi nghiep", "loai": "lesson"})
    html = response.content.decode()
    assert "Bài 1: Ý tưởng" in html and "Khởi nghiệp cho học sinh</a></h2>" not in html
    assert "Bài học (2)" in html and "Khóa học (1)" in html


def test_typo_shows_the_correction(client, content):
    html = client.get(reverse("search:search"), {"q": "khoi nghep"}).content.decode()
    assert "Kết quả cho <strong>khoi nghiep</strong>" in html


def test_empty_and_bad_parameters_are_harmless(client, content):
    assert client.get(reverse("search:search")).status_code == 200
    response = client.get(reverse("search:search"), {"q": "khoi", "trang": "x", "loai": "<b>"})
    assert response.status_code == 200 and "<b>" not in response.content.decode()


def test_query_is_escaped(client, content):
    html = client.get(reverse("search:search"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_autocomplete_fragment(client, content):
    response = client.get(reverse("search:autocomplete"), {"q": "ke hoach dong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/thu-vien/ke-hoach-dong-nai-2025/">' in html and "<mark>" in html
    assert "nội bộ" not in html
    assert client.get(reverse("search:autocomplete"), {"q": "k"}).content.strip() == b""


def test_header_search_box_on_every_page(client, content):
    html = client.get("/khoa-hoc/").content.decode()
    assert 'action="/tim-kiem/"' in html and 'href="/thu-vien/"' in html
