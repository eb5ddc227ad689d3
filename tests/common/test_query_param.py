"""One set of query parameters (issue 17 item 5): Vietnamese names, the old English ones read."""

from django.http import QueryDict

from lms.common.query import RENAMED, param


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
