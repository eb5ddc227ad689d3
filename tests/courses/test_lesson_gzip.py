"""courses/lesson_gzip.py: a skeleton's runs compressed once, spliced with slot values per
request, decode to exactly the filled-in text."""

import gzip
import zlib

import pytest

from courses.lesson_gzip import Prepared

A, B = "@@slot-a@@", "@@slot-b@@"
TOKEN = "Zk3" * 21 + "q"  # 64 characters, as a masked CSRF token


@pytest.mark.parametrize("skeleton", [
    f"<p>Xin chào {A}</p><form>{B}</form><form>{B}</form>",
    f"{A}{B}{B} liền nhau ở đầu, rồi chữ",
    f"chỉ có chữ cuối {B}",
    "không có chỗ trống nào " * 300,
    ("<div class=lesson>" + "Bài học khởi nghiệp " * 500 + f"</div>{A}<i>{B}</i>") * 3,
    f"<p>{B}</p>" + "lặp lại " * 9000 + f"{B}" + "lặp lại " * 9000,  # over the 32 KiB window
])
@pytest.mark.parametrize("values", [
    {A: "Trần Thị An", B: TOKEN},
    {A: "", B: "0" * 64},
    {A: "Lê &lt;b&gt;Bình&lt;/b&gt; ✓", B: TOKEN.lower()},
])
@pytest.mark.parametrize("fixed", [{B: 64}, {}])
def test_spliced_gzip_decodes_to_the_filled_text(skeleton, values, fixed):
    filled = skeleton.replace(A, values[A]).replace(B, values[B])
    body = Prepared(skeleton, (A, B), fixed).gzip({k: v.encode() for k, v in values.items()})
    assert gzip.decompress(body).decode() == filled  # CRC-32 and length checked
    assert zlib.decompress(body, wbits=31).decode() == filled  # as a browser's zlib reads it


def test_runs_refer_back_across_fixed_length_slots():
    skeleton = f"<header>{A}</header>" + ("<nav>" + "Khóa học Thư viện Hướng nghiệp " * 40
                                          + f"<form>{B}</form></nav>") * 4
    values = {A: b"An", B: TOKEN.encode()}
    prepared = Prepared(skeleton, (A, B), {B: 64})
    # the header's padding has a random length: the smallest of a few bodies shows the rest
    spliced = min((prepared.gzip(values) for _ in range(30)), key=len)
    whole = gzip.compress(skeleton.replace(A, "An").replace(B, TOKEN).encode())
    # the padding name (< 100 bytes), the tokens stored as they are (4 × 64) and block headers:
    # nothing more, so the fixed text compressed as well as in the whole page
    assert len(spliced) < len(whole) + 100 + 4 * 64 + 60


def test_header_pads_with_a_random_length_name_as_django_does():
    prepared = Prepared(f"<p>{A}</p>" * 50, (A, B), {})
    lengths = {len(prepared.gzip({A: b"An"})) for _ in range(40)}
    assert len(lengths) > 5


def test_a_value_the_runs_cannot_take_is_left_to_the_caller():
    assert Prepared(f"x{A}y", (A, B), {}).gzip({A: b"n" * 70000}) is None
    assert Prepared(f"x{B}y", (A, B), {B: 64}).gzip({A: b"", B: b"short"}) is None
