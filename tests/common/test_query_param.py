"""One set of query parameters (issue 17 item 5): Vietnamese names, the old English ones read."""

from django.http import QueryDict

from lms.common.query import RENAMED, param, renamed


def test_new_name_then_old_name_then_default():
    assert param(QueryDict("trang=3"), "trang") == "3"
    assert param(QueryDict("page=3"), "trang") == "3"
    assert param(QueryDict("trang=2&page=3"), "trang") == "2"
    assert param(QueryDict(""), "trang", "1") == "1"
    assert param(QueryDict("don-vi=7"), "don-vi") == "7"
    assert param(QueryDict("unit=7"), "don-vi") == "7"
    assert param(QueryDict("loai=a"), "loai") == "a"


def test_every_new_name_is_vietnamese_and_hyphenated():
    for new in RENAMED.values():
        assert new == new.lower() and "_" not in new and new.isascii()


def test_renamed_moves_old_names_for_forms_bound_to_the_query():
    query = renamed(QueryDict("district=5&truong=9&school=1&q=abc"))
    assert query["huyen-xa"] == "5" and "district" not in query
    assert query["truong"] == "9" and "school" not in query  # the new name wins
    assert query["q"] == "abc"
