"""What the database backend's results rely on (issue 18, search row): folding, title over body,
counts per kind, paging, and the number of statements a search costs. Runs on SQLite and, in CI,
on PostgreSQL (where a results page is ONE round trip and counting stops at a limit)."""

import pytest
from django.db import connection

from search.models import SearchEntry
from search.services import search_reindex_all, search_run
from tests.courses.factories import course_with_lessons
from tests.library.factories import library_item

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="the PostgreSQL read path")


@pytest.fixture(autouse=True)
def _no_results_cache(settings):
    settings.HOCMO_SEARCH_CACHE_SECONDS = 0


@pytest.fixture
def shelf():
    """A course with two lessons (all three match "nuôi ong") and library items: two with
    "nuôi ong" in the title, two with it only in the summary (one of them the most read)."""
    course, lessons = course_with_lessons(2, title="Nuôi ong lấy mật cho thanh niên")
    items = {
        "title": library_item("Sổ tay nuôi ong", summary="Chăm sóc đàn, thu hoạch mật."),
        "title_later": library_item("Kỹ thuật nuôi ong dưới tán rừng", summary="Tổ ong."),
        "body": library_item("Sinh kế vùng cao", summary="Trồng quế, nuôi ong, dệt thổ cẩm."),
        "body_popular": library_item("Làng nghề miền núi", summary="Có hộ nuôi ong lâu năm."),
        "other": library_item("Kỹ năng số cơ bản", summary="Thư điện tử, an toàn thông tin."),
    }
    search_reindex_all()
    SearchEntry.objects.filter(page_id=items["body_popular"].pk).update(popularity=900)
    return course, lessons, items


def test_unaccented_upper_and_accented_queries_find_the_same_entries(shelf):
    spellings = ["nuoi ong", "NUÔI ONG", "nuôi ong", "Nuoi Ong"]
    found = [sorted(hit.page_id for hit in search_run(q, per_page=50).hits) for q in spellings]
    assert found[0] and all(ids == found[0] for ids in found)


def test_title_matches_rank_above_body_matches_whatever_their_popularity(shelf):
    _course, _lessons, items = shelf
    ids = [hit.page_id for hit in search_run("nuoi ong", kind="library").hits]
    title_ids = {items["title"].pk, items["title_later"].pk}
    body_ids = {items["body"].pk, items["body_popular"].pk}
    assert set(ids[:2]) == title_ids and set(ids[2:4]) == body_ids
    assert ids.index(items["body_popular"].pk) < ids.index(items["body"].pk)  # then most read
    assert items["other"].pk not in ids


def test_counts_per_kind_and_the_kind_filter(shelf):
    everything = search_run("nuoi ong")
    assert everything.counts == {"course": 1, "lesson": 2, "library": 4}
    assert everything.total == 7
    assert not everything.capped and not everything.total_capped
    library = search_run("nuoi ong", kind="library")
    assert library.total == 4 and {hit.kind for hit in library.hits} == {"library"}
    assert library.counts == everything.counts  # the tabs keep every kind's count


def test_pages_follow_each_other_without_overlap(shelf):
    whole = [hit.page_id for hit in search_run("nuoi ong", per_page=10).hits]
    first = search_run("nuoi ong", per_page=2)
    pages = [hit.page_id for p in (1, 2, 3, 4) for hit in search_run("nuoi ong", page=p,
                                                                     per_page=2).hits]
    assert first.total == 7 and len(first.hits) == 2
    assert pages == whole and len(set(pages)) == 7


def test_the_last_word_may_be_unfinished(shelf):
    assert search_run("nuoi on").total == 7  # still typing "ong"
    # PostgreSQL matches the other words whole and corrects them; SQLite as word starts
    unfinished = search_run("nuo ong")
    assert unfinished.total == 7
    assert unfinished.corrected == (connection.vendor == "postgresql")


def test_a_search_is_one_statement_on_postgresql(shelf, django_assert_max_num_queries):
    limit = 1 if connection.vendor == "postgresql" else 4
    with django_assert_max_num_queries(limit):
        results = search_run("nuoi ong", kind="library")
    assert results.total == 4


@postgres_only
def test_counting_stops_at_the_limit_and_says_so(shelf, monkeypatch):
    from search.backends import database, postgres

    monkeypatch.setattr(postgres, "COUNT_LIMIT", 3)
    monkeypatch.setattr(database, "COUNT_LIMIT", 3)
    results = search_run("nuoi ong")
    assert results.capped and results.total_capped and results.total == 3
    assert len(results.hits) == 7  # ranking is not cut by the count's limit
    library = search_run("nuoi ong", kind="library")
    assert library.total == 3 and library.total_capped and len(library.hits) == 4


@postgres_only
def test_planner_settings_do_not_outlive_the_search(shelf):
    search_run("nuoi ong")  # the test runs inside a transaction, as a request may
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), "
                       "current_setting('enable_indexscan')")
        assert cursor.fetchone() == ("on", "on")


def test_search_page_shows_counts_and_more_than_when_capped(client, shelf, monkeypatch):
    from django.urls import reverse

    page = client.get(reverse("search:search"), {"q": "nuoi ong"}).content.decode()
    assert "(7)" in page and "7 kết quả" in page
    if connection.vendor == "postgresql":
        from search.backends import database, postgres

        monkeypatch.setattr(postgres, "COUNT_LIMIT", 3)
        monkeypatch.setattr(database, "COUNT_LIMIT", 3)
        page = client.get(reverse("search:search"), {"q": "nuoi ong"}).content.decode()
        assert "Hơn 3 kết quả" in page and "+)" in page


@postgres_only
def test_typo_lookup_settings_do_not_outlive_it(shelf):
    """The "did you mean" lookup sets its trigram threshold and planner hint for its own
    statement only (it used to leave `set_limit(0.3)` on the connection)."""
    results = search_run("nuoi onggg")
    assert results.suggestion == "nuoi ong"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), "
                       "current_setting('pg_trgm.similarity_threshold')")
        assert cursor.fetchone() == ("on", "0.3")  # 0.3 is pg_trgm's default
