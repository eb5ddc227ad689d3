"""Issue 19 item 11: Vietnamese name order — given name, then middle, then family name, with
Vietnamese collation (Đ right after D, tones a à á ả ã ạ), as a key that sorts the same in
Python and in SQL."""

import random

import pytest

from lms.common.names import name_parts, name_sort_key, sorted_by_name

PEOPLE = ["Phạm Zung", "Trần Bình", "Nguyễn Thị Ánh", "Lê Đức Anh", "Đỗ Văn An"]
EXPECTED = ["Đỗ Văn An", "Lê Đức Anh", "Nguyễn Thị Ánh", "Trần Bình", "Phạm Zung"]


def test_given_then_middle_then_family():
    assert sorted(PEOPLE, key=name_sort_key) == EXPECTED
    # The same given name: the middle name decides, then the family name.
    assert sorted(["Vũ Văn An", "Bùi Văn An", "Lê Thị An", "An"], key=name_sort_key) == [
        "An", "Lê Thị An", "Bùi Văn An", "Vũ Văn An"]


def test_d_with_stroke_sorts_right_after_d_not_after_z():
    names = ["Lê Văn Zũng", "Lê Văn Đạt", "Lê Văn Dũng", "Lê Văn Em"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Văn Dũng", "Lê Văn Đạt", "Lê Văn Em", "Lê Văn Zũng"]
    assert sorted(["Đỗ Đông", "Đỗ Zung", "Đỗ Dương"], key=name_sort_key) == [
        "Đỗ Dương", "Đỗ Đông", "Đỗ Zung"]


def test_letters_with_marks_are_letters_of_their_own():
    # a < ă < â < b; o < ô < ơ < p; u < ư < v (whatever the tone)
    assert sorted(["Hà Bảo", "Hà Ân", "Hà Ắt", "Hà Anh"], key=name_sort_key) == [
        "Hà Anh", "Hà Ắt", "Hà Ân", "Hà Bảo"]
    assert sorted(["Lý Phú", "Lý Ơn", "Lý Ổn", "Lý Oanh"], key=name_sort_key) == [
        "Lý Oanh", "Lý Ổn", "Lý Ơn", "Lý Phú"]
    assert sorted(["Mai Vy", "Mai Ưng", "Mai Uyên"], key=name_sort_key) == [
        "Mai Uyên", "Mai Ưng", "Mai Vy"]


def test_tones_only_break_ties_in_the_order_a_a_grave_acute_hook_tilde_dot():
    tones = ["Hồ Anh", "Hồ Ành", "Hồ Ánh", "Hồ Ảnh", "Hồ Ãnh", "Hồ Ạnh"]
    shuffled = tones[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=name_sort_key) == tones
    # Letters first: "Án" comes before "Anh" although A < Á.
    assert sorted(["Hồ Anh", "Hồ Án"], key=name_sort_key) == ["Hồ Án", "Hồ Anh"]


def test_decomposed_and_upper_case_input_sort_as_typed_normally():
    import unicodedata

    assert name_sort_key(unicodedata.normalize("NFD", "Nguyễn Thị Ánh")) == name_sort_key(
        "Nguyễn Thị Ánh")
    assert name_sort_key("NGUYỄN THỊ ÁNH") == name_sort_key("Nguyễn Thị Ánh")


@pytest.mark.parametrize(("name", "parts"), [
    ("Đỗ Văn An", (["An"], ["Văn"], ["Đỗ"])),
    ("Trần Bình", (["Bình"], [], ["Trần"])),
    ("Tôn Nữ Thị Ngọc Hân", (["Hân"], ["Nữ", "Thị", "Ngọc"], ["Tôn"])),
    ("Madonna", (["Madonna"], [], [])),
    ("  ", ([], [], [])),
])
def test_name_parts(name, parts):
    assert name_parts(name) == parts


def test_key_is_plain_lower_case_ascii_so_every_collation_agrees():
    for name in [*PEOPLE, "O'Brien Ça Ø", "李小龍", "", "x" * 300]:
        key = name_sort_key(name)
        assert key.isascii() and key == key.lower() and key.isalpha() or key == ""
        assert len(key) <= 255


def test_sorted_by_name_helper():
    class P:
        def __init__(self, name):
            self.name = name

        def get_full_name(self):
            return self.name

    assert [p.name for p in sorted_by_name(P(n) for n in PEOPLE)] == EXPECTED
