"""Highlighting marks folded matches in the original text and escapes everything else, whether
or not the text holds characters HTML needs escaped (the plain case skips html.escape)."""

from html import escape

from search.highlight import highlight, snippet


def test_plain_title_is_marked_without_change():
    assert str(highlight("Sổ tay khởi nghiệp", ["khoi"])) == "Sổ tay <mark>khởi</mark> nghiệp"


def test_title_with_html_characters_is_escaped_around_the_marks():
    html = str(highlight("<b>Khởi</b> nghiệp & \"STEM\" 'số'", ["khoi", "so"]))
    assert html == ("&lt;b&gt;<mark>Khởi</mark>&lt;/b&gt; nghiệp &amp; &quot;STEM&quot; "
                    "&#x27;<mark>số</mark>&#x27;")


def test_snippet_escapes_only_when_needed():
    plain = "Thanh niên học nuôi ong lấy mật ở vùng cao"
    assert str(snippet(plain, ["ong"])) == plain.replace("ong", "<mark>ong</mark>", 1)
    risky = "Nuôi ong <script>alert(1)</script> & mật"
    assert str(snippet(risky, ["ong"])) == (
        f"Nuôi <mark>ong</mark>{escape(risky[8:])}")
