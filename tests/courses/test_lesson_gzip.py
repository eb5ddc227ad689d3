"""courses/lesson_gzip.py: a skeleton's runs compressed once, spliced with slot values per
request, decode to exactly the filled-in text."""

import gzip
import zlib

import pytest

from courses.lesson_gzip import Prepared

A, B = "@@slot-a@@", "@@slot-b@@"


@pytest.mark.parametrize("skeleton", [
    f"<p>Xin chào {A}</p><form>{B}</form><form>{B}</form>",
    f"{A}{B}{B} liền nhau ở đầu, rồi chữ",
    f"chỉ có chữ cuối {B}",
    "không có chỗ trống nào " * 300,
    ("<div class=lesson>" + "Bài học khởi nghiệp " * 500 + f"</div>{A}") * 3,
])
@pytest.mark.parametrize("values", [
    {A: "Trần Thị An", B: "tok3n" * 13},
    {A: "", B: ""},
    {A: "Lê &lt;b&gt;Bình&lt;/b&gt; ✓", B: "x"},
])
def test_spliced_gzip_decodes_to_the_filled_text(skeleton, values):
    filled = skeleton.replace(A, values[A]).replace(B, values[B])
    body = Prepared(skeleton, (A, B)).gzip({k: v.encode() for k, v in values.items()})
    assert gzip.decompress(body).decode() == filled  # CRC-32 and length checked
    assert zlib.decompress(body, wbits=31).decode() == filled  # as a browser's zlib reads it


def test_header_pads_with_a_random_length_name_as_django_does():
    prepared = Prepared(f"<p>{A}</p>" * 50, (A, B))
    lengths = {len(prepared.gzip({A: b"An"})) for _ in range(40)}
    assert len(lengths) > 5


def test_a_value_longer_than_a_stored_block_is_left_to_the_caller():
    assert Prepared(f"x{A}y", (A, B)).gzip({A: b"n" * 70000}) is None
