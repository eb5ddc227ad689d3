"""Cached results never outlive the content they came from: an index write or a publish starts
afresh, and the "did you mean" vocabulary grows as titles are indexed."""

import pytest

from search.models import SearchWord
from search.services import search_entry_refresh, search_run
from tests.factories import library_item

pytestmark = pytest.mark.django_db


def test_cached_results_are_replaced_when_the_index_changes(settings):
    settings.HOCMO_SEARCH_CACHE_SECONDS = 300
    first = library_item("Sổ tay nuôi ong")
    search_entry_refresh(first.pk)
    assert [hit.title for hit in search_run("nuoi ong").hits] == ["Sổ tay nuôi ong"]
    second = library_item("Kỹ thuật nuôi ong lấy mật")
    search_entry_refresh(second.pk)
    assert {hit.title for hit in search_run("nuoi ong").hits} == {
        "Sổ tay nuôi ong", "Kỹ thuật nuôi ong lấy mật"}
    first.unpublish()
    search_entry_refresh(first.pk)
    assert [hit.title for hit in search_run("nuoi ong").hits] == ["Kỹ thuật nuôi ong lấy mật"]


def test_indexed_titles_feed_the_did_you_mean_vocabulary():
    item = library_item("Nuôi trồng thủy sản")
    search_entry_refresh(item.pk)
    assert {"nuoi", "trong", "thuy", "san"} <= set(SearchWord.objects.values_list("word",
                                                                                  flat=True))
    results = search_run("thuy sanx")
    assert results.suggestion == "thuy san" and results.corrected
