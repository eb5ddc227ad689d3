"""vn_fold, word padding and highlighting: the pieces every backend relies on."""

import unicodedata

import pytest

from search.fold import fold_with_offsets, nfc_lower, padded, vn_fold
from search.highlight import highlight, snippet


@pytest.mark.parametrize("text", ["khoi nghiep", "KHỞI NGHIỆP", "khởi nghiệp", "Khoi Nghiep",
                                  unicodedata.normalize("NFD", "Khởi Nghiệp")])
def test_every_spelling_folds_alike(text):
    assert vn_fold(text) == "khoi nghiep"


def test_d_with_stroke_folds_to_d_in_both_cases():
    assert vn_fold("Đồng Nai đẹp") == "dong nai dep"
    assert vn_fold(unicodedata.normalize("NFD", "ĐỒNG NAI")) == "dong nai"


def test_nfc_lower_keeps_accents_but_normalises_form():
    assert nfc_lower(unicodedata.normalize("NFD", "Khởi")) == "khởi"


def test_padded_keeps_words_only():
    assert padded("Kỹ năng số: an toàn, (mạng)!") == " ky nang so an toan mang "
    assert padded("  ") == ""


def test_offsets_map_folded_text_back_to_the_original():
    original = unicodedata.normalize("NFD", "Tỉnh Đồng Nai")
    folded, offsets = fold_with_offsets(original)
    assert folded == "tinh dong nai"
    nfc = unicodedata.normalize("NFC", original)
    start = folded.index("dong")
    assert nfc[offsets[start]:offsets[start + 3] + 1] == "Đồng"


def test_highlight_marks_the_accented_word_and_escapes_html():
    html = highlight("<b>Sở GD&ĐT Đồng Nai</b>", ["dong", "nai"])
    assert "<mark>Đồng</mark> <mark>Nai</mark>" in html
    assert "&lt;b&gt;" in html and "&amp;" in html


def test_snippet_is_a_window_around_the_first_match():
    text = "Mở đầu. " * 60 + "Học sinh khởi nghiệp tại trường." + " Kết thúc." * 60
    result = snippet(text, ["khoi"], size=80)
    assert "<mark>khởi</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
    assert len(result) < 200
