"""vn_fold, word padding and highlighting: the pieces every backend relies on."""

import unicodedata

import pytest

from lms.common.text import fold_with_offsets, nfc_lower, padded, vn_fold
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


def test_fast_fold_agrees_with_the_definition_on_every_bmp_character_and_random_text():
    """vn_fold's translate table is built from the definition; they must never disagree."""
    import random
    import unicodedata

    from lms.common.text import _vn_fold_by_definition, fold_with_offsets, vn_fold

    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:  # surrogates are not characters
            continue
        char = chr(code)
        assert vn_fold(char) == _vn_fold_by_definition(char), hex(code)
    rng = random.Random(2025)
    pool = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00),
                             0x1F600, 0x130, 0xFB01, 0xAC00]]
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        for variant in (text, unicodedata.normalize("NFD", text)):
            assert vn_fold(variant) == _vn_fold_by_definition(variant)
            folded, offsets = fold_with_offsets(variant)
            assert folded == vn_fold(variant) and len(offsets) == len(folded)
