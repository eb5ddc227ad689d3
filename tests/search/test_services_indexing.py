"""Incremental indexing and permissions: unpublished or restricted pages never appear."""


import pytest
from wagtail.models import PageViewRestriction

from search.models import SearchEntry
from search.services import (
    search_entry_refresh,
    search_reindex_all,
    search_run,
    search_subtree_refresh,
)
from tests.concurrency import wait_for
from tests.factories import course_with_lessons, library_item

pytestmark = pytest.mark.django_db


def _titles(query: str) -> list[str]:
    return [hit.title for hit in search_run(query, per_page=100).hits]


def test_reindex_indexes_courses_lessons_and_library_items():
    course, lessons = course_with_lessons(2, title="Khởi nghiệp xanh")
    item = library_item("Sổ tay khởi nghiệp xanh", summary="Ý tưởng kinh doanh bền vững")
    assert search_reindex_all() == 4
    assert set(SearchEntry.objects.values_list("kind", flat=True)) == {"course", "lesson",
                                                                       "library"}
    assert {"Khởi nghiệp xanh", "Sổ tay khởi nghiệp xanh"} <= set(_titles("khoi nghiep xanh"))
    assert SearchEntry.objects.get(page_id=item.pk).url == item.url


def test_unpublished_pages_leave_the_index():
    course, lessons = course_with_lessons(1, title="Khởi nghiệp xanh")
    item = library_item("Sổ tay khởi nghiệp xanh")
    search_reindex_all()
    item.unpublish()
    search_entry_refresh(item.pk)
    assert "Sổ tay khởi nghiệp xanh" not in _titles("khoi nghiep")
    assert "Khởi nghiệp xanh" in _titles("khoi nghiep")


def test_unpublishing_a_course_hides_its_lessons():
    course, lessons = course_with_lessons(2, title="Khởi nghiệp xanh")
    search_reindex_all()
    assert lessons[0].title in _titles("y tuong")
    course.unpublish()
    search_subtree_refresh(course.pk)
    assert _titles("y tuong") == [] and _titles("khoi nghiep xanh") == []


def test_a_draft_never_enters_the_index():
    draft = library_item("Bản nháp bí mật", publish=False)
    draft.live = False
    draft.save()
    search_reindex_all()
    assert _titles("ban nhap bi mat") == []


def test_view_restricted_pages_are_not_indexed():
    course, lessons = course_with_lessons(1, title="Khởi nghiệp nội bộ")
    PageViewRestriction.objects.create(page=course, restriction_type="login")
    search_reindex_all()
    assert _titles("khoi nghiep noi bo") == []
    assert _titles("y tuong") == []  # the lesson below the restricted course too


@pytest.mark.django_db(transaction=True)
def test_publishing_indexes_through_celery_and_restricting_removes():
    """Signals → Celery task (eager here, the real worker in CI) → the index."""
    item = library_item("Cẩm nang hướng nghiệp vùng cao")

    assert wait_for(lambda: "Cẩm nang hướng nghiệp vùng cao" in _titles("cam nang huong nghiep"))
    PageViewRestriction.objects.create(page=item, restriction_type="login")
    assert wait_for(lambda: _titles("cam nang huong nghiep") == [])
