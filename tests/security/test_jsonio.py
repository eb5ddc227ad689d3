"""lms.jsonio: the one JSON reader refuses what would become a 500 further in."""

import pytest

from lms.jsonio import (
    MAX_DEPTH,
    JSONFieldError,
    JSONInputError,
    json_bool,
    json_number,
    json_object,
    json_read,
    json_string,
)


def deep(n: int, inner: str = "1") -> str:
    return "[" * n + inner + "]" * n


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", '{"a": Infinity}',
                                 "1e400", "-1e400", '{"seconds": 1e400}', "[1" + "0" * 5000 + "]"])
def test_non_finite_and_overflowing_numbers_are_refused(raw):
    with pytest.raises(JSONInputError):
        json_read(raw)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 100_000])
def test_nesting_past_the_limit_is_refused_without_recursion_error(depth):
    with pytest.raises(JSONInputError) as caught:
        json_read(deep(depth))
    assert "lồng quá sâu" in caught.value.message


def test_nesting_at_the_limit_reads():
    assert json_read(deep(MAX_DEPTH)) is not None
    nested_objects = '{"a":' * MAX_DEPTH + "1" + "}" * MAX_DEPTH
    assert json_read(nested_objects)["a"]


@pytest.mark.parametrize("raw", ['"a\\u0000b"', '{"k\\u0000": 1}', '["\\ud800"]', b"\xff\xfe{}",
                                 "{", "[1, 2", "{'a': 1}"])
def test_nul_surrogates_bad_bytes_and_broken_json_are_refused(raw):
    with pytest.raises(JSONInputError):
        json_read(raw)


def test_ordinary_json_reads_unchanged():
    assert json_read(b'\xef\xbb\xbf{"a": [1, 2.5, "\xc4\x91", true, null]}') == {
        "a": [1, 2.5, "đ", True, None]}
    assert json_read(b"") is None and json_read(b"", empty={}) == {}


def test_object_refuses_other_shapes_and_unknown_keys():
    with pytest.raises(JSONInputError):
        json_object("[1, 2]")
    with pytest.raises(JSONFieldError) as caught:
        json_object('{"percent": 1, "complete": true}', allowed={"percent", "completed"})
    assert caught.value.path == "complete"


@pytest.mark.parametrize("value", ["false", "true", 0, 1, None, [], {}])
def test_booleans_are_booleans(value):
    with pytest.raises(JSONFieldError) as caught:
        json_bool({"completed": value}, "completed")
    assert caught.value.path == "completed"


@pytest.mark.parametrize("value", ["10", True, None, [10], {"v": 1}, float("inf"), float("nan")])
def test_numbers_are_finite_numbers(value):
    with pytest.raises(JSONFieldError):
        json_number({"percent": value}, "percent")


def test_number_bounds_integers_and_defaults():
    assert json_number({}, "seconds", default=0) == 0
    assert json_number({"percent": 40.0}, "percent", integer=True) == 40.0
    with pytest.raises(JSONFieldError):
        json_number({"percent": 40.5}, "percent", integer=True)
    with pytest.raises(JSONFieldError):
        json_number({"percent": 101}, "percent", minimum=0, maximum=100)
    with pytest.raises(JSONFieldError):
        json_number({}, "percent")


def test_strings_are_strings():
    assert json_string({"name": "An"}, "name") == "An"
    with pytest.raises(JSONFieldError):
        json_string({"name": 5}, "name")
    with pytest.raises(JSONFieldError):
        json_string({"name": "x" * 11}, "name", max_length=10)
