"""Table-driven Vietnamese queries against the demo content (courses, lessons and the library
with the five seed plans). Runs on SQLite and, in CI, on PostgreSQL."""

import unicodedata

import pytest

from search.services import search_run

pytestmark = pytest.mark.django_db

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731

STARTUP_COURSE = "Khởi nghiệp cho học sinh"
DONG_NAI_PLAN = "Kế hoạch đào tạo nguồn nhân lực công nghệ cao ngành Giáo dục Đồng Nai 2025"
THAI_BINH_PLAN = ("Giải pháp khuyến học, khuyến tài, xây dựng xã hội học tập trên nền tảng số "
                  "ở Thái Bình")
POVERTY_PLAN = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023"
ROBOT_LECTURE = "Bài giảng số hóa: Robot đơn giản từ vật liệu tái chế"
LINE_ROBOT = "Robot dò đường (dò line) với Arduino hoặc micro:bit"

# (case, query, title expected first, other titles that must be found, kinds that must appear)
CASES = [
    ("unaccented", "khoi nghiep", None, [STARTUP_COURSE], {"course", "lesson", "library"}),
    ("upper case with accents", "KHỞI NGHIỆP", STARTUP_COURSE, [], {"course", "library"}),
    ("decomposed NFD input", NFD("khởi nghiệp"), STARTUP_COURSE, [], {"course", "library"}),
    ("title case unaccented", "Khoi Nghiep", None, [STARTUP_COURSE], {"course", "library"}),
    ("đ folds to d", "dong nai", DONG_NAI_PLAN, [], {"library"}),
    ("đ with accents", "Đồng Nai", DONG_NAI_PLAN, [], {"library"}),
    ("đ decomposed upper case", NFD("ĐỒNG NAI"), DONG_NAI_PLAN, [], {"library"}),
    ("phrase in a title", "xã hội học tập", THAI_BINH_PLAN, [], {"library"}),
    ("unaccented phrase", "giam ngheo ben vung", POVERTY_PLAN, [], {"library"}),
    ("words across title and body", "robot pin", ROBOT_LECTURE, [], {"library"}),
    ("date words in a plan's body", "15 thang 12", DONG_NAI_PLAN, [], {"library"}),
    ("exact accent ranks first", "dò đường", LINE_ROBOT, [], {"lesson"}),
    ("typo in a word", "khoi nghep", None, [STARTUP_COURSE], {"course", "library"}),
    ("typo, unaccented", "robbot", None, ["STEM: Robot đơn giản", ROBOT_LECTURE],
     {"course", "lesson", "library"}),
    ("number in a title", "de an 1665", "Đề án 1665: hỏi đáp cho giáo viên", [], {"library"}),
    ("word prefix while typing", "ky nang so co ba", None, ["Kỹ năng số cơ bản"],
     {"course", "library"}),
]


@pytest.mark.parametrize("case, query, first, found, kinds", CASES, ids=[c[0] for c in CASES])
def test_vietnamese_query(demo_content, case, query, first, found, kinds):
    results = search_run(query)
    titles = [hit.title for hit in results.hits]
    assert results.total > 0, f"{case}: nothing found for {query!r}"
    if first:
        assert titles[0] == first, f"{case}: {titles[:5]}"
    for title in found:
        assert title in titles, f"{case}: {title!r} not in {titles}"
    assert kinds <= set(results.counts), f"{case}: kinds {results.counts}"


def test_every_spelling_finds_the_same_things(demo_content):
    spellings = ["khoi nghiep", "KHỞI NGHIỆP", "khởi nghiệp", "Khoi Nghiep", NFD("khởi nghiệp")]
    found = [sorted(hit.page_id for hit in search_run(q, per_page=100).hits) for q in spellings]
    assert all(ids == found[0] for ids in found) and found[0]


def test_typo_is_corrected_and_said_so(demo_content):
    results = search_run("khoi nghep")
    assert results.corrected and results.suggestion == "khoi nghiep"


def test_exact_accents_rank_above_folded_matches(demo_content):
    from tests.factories import library_item

    table = library_item("Bàn tay nặn bột: thí nghiệm khoa học", item_type="worksheet")
    from search.services import search_entry_refresh

    search_entry_refresh(table.pk)
    assert search_run("bàn").hits[0].page_id == table.pk
    by_folded = [hit.page_id for hit in search_run("bản", per_page=100).hits]
    assert table.pk in by_folded and by_folded[0] != table.pk
    assert search_run("bản").hits[0].title_html.count("<mark>bản</mark>") == 1


def test_highlighted_snippet_shows_the_accented_words(demo_content):
    hit = next(h for h in search_run("dong nai").hits if h.title == DONG_NAI_PLAN)
    assert "<mark>Đồng</mark> <mark>Nai</mark>" in hit.title_html
    assert "<mark>" in hit.snippet_html


def test_kind_filter_and_counts(demo_content):
    everything = search_run("robot")
    lessons = search_run("robot", kind="lesson")
    assert {hit.kind for hit in lessons.hits} == {"lesson"}
    assert lessons.total == everything.counts["lesson"] < everything.total


def test_nonsense_finds_nothing(demo_content):
    results = search_run("qwxzvbk")
    assert results.total == 0 and not results.hits and not results.corrected
