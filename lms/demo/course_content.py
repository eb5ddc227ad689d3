"""Demo content for HọcMở: four courses, Vietnamese personal names and the
official list of Vietnam's 54 ethnic groups.

Pure Python data (no Django imports) so that it can be used by a management
command, a data migration or tests alike.

COURSES: list of course dicts. Each lesson "body" is a list of (type, value)
tuples, type one of:
    ("heading", "plain text")
    ("paragraph", "<p>HTML: <strong>, <em>, <ul><li> only</p>")
    ("callout", {"kind": "tip" | "note" | "warning", "text": "plain text"})
    ("quote", {"text": "...", "attribution": "..."})

The course texts live in course_content_<programme>.py to keep each file short.
All strings are NFC-normalised Vietnamese; run this file to self-check.
"""

try:  # imported as lms.demo.course_content
    from .course_content_career import COURSE as _CAREER
    from .course_content_digital import COURSE as _DIGITAL
    from .course_content_startup import COURSE as _STARTUP
    from .course_content_stem import COURSE as _STEM
except ImportError:  # run as a script: python3 lms/demo/course_content.py
    from course_content_career import COURSE as _CAREER  # type: ignore[no-redef]
    from course_content_digital import COURSE as _DIGITAL  # type: ignore[no-redef]
    from course_content_startup import COURSE as _STARTUP  # type: ignore[no-redef]
    from course_content_stem import COURSE as _STEM  # type: ignore[no-redef]


PROGRAMMES = {
    "startup": "Khởi nghiệp",
    "digital": "Kỹ năng số",
    "stem": "STEM",
    "career": "Hướng nghiệp",
}

LEVELS = ("beginner", "intermediate", "advanced")
BLOCK_TYPES = ("heading", "paragraph", "callout", "quote")
CALLOUT_KINDS = ("tip", "note", "warning")

COURSES = [_STARTUP, _DIGITAL, _STEM, _CAREER]


# ---------------------------------------------------------------------------
# Personal names
# ---------------------------------------------------------------------------

# Common surnames, roughly in order of frequency, followed by surnames common
# among ethnic-minority communities (Thái, Tày, Nùng, Mông, Dao, Khmer...).
FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
    "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
    "Đào", "Lương", "Mai", "Cao", "Trịnh", "Đoàn", "Lâm", "Tạ", "Châu",
    # common in ethnic-minority areas
    "Lò", "Hà", "Lường", "Sầm", "Nông", "Triệu", "Ma", "Giàng", "Thào",
    "Vàng", "Mùa", "Sùng", "Thạch", "Danh",
]

MIDDLE_NAMES_MALE = [
    "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Trọng",
    "Gia",
]

MIDDLE_NAMES_FEMALE = [
    "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Hồng", "Kim", "Mỹ", "Bảo",
    "Khánh",
]

GIVEN_NAMES_MALE = [
    "An", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Đức",
    "Hải", "Hào", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khánh", "Khoa",
    "Kiên", "Lâm", "Long", "Luân", "Minh", "Nam", "Nghĩa", "Nhân", "Phát",
    "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
    "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
]

GIVEN_NAMES_FEMALE = [
    "Anh", "Ánh", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
    "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên",
    "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
    "Phương", "Quỳnh", "Tâm", "Thảo", "Thơm", "Thu", "Thủy", "Trang",
    "Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến",
]


# ---------------------------------------------------------------------------
# Ethnic groups
# ---------------------------------------------------------------------------

# "Danh mục các dân tộc Việt Nam" of the General Statistics Office (Quyết định
# 121-TCTK/PPCĐ ngày 2/3/1979), in the official order and with the official
# codes. Spelling follows the GSO list, except 05 and 08 which use the forms
# now current in official documents ("Khmer" for "Khơ-me", "Mông" for "HMông").
ETHNIC_GROUPS = [
    ("01", "Kinh"),
    ("02", "Tày"),
    ("03", "Thái"),
    ("04", "Hoa"),
    ("05", "Khmer"),
    ("06", "Mường"),
    ("07", "Nùng"),
    ("08", "Mông"),
    ("09", "Dao"),
    ("10", "Gia-rai"),
    ("11", "Ngái"),
    ("12", "Ê-đê"),
    ("13", "Ba-na"),
    ("14", "Xơ-đăng"),
    ("15", "Sán Chay"),
    ("16", "Cơ-ho"),
    ("17", "Chăm"),
    ("18", "Sán Dìu"),
    ("19", "Hrê"),
    ("20", "Mnông"),
    ("21", "Ra-glai"),
    ("22", "Xtiêng"),
    ("23", "Bru-Vân Kiều"),
    ("24", "Thổ"),
    ("25", "Giáy"),
    ("26", "Cơ-tu"),
    ("27", "Gié-Triêng"),
    ("28", "Mạ"),
    ("29", "Khơ-mú"),
    ("30", "Co"),
    ("31", "Tà-ôi"),
    ("32", "Chơ-ro"),
    ("33", "Kháng"),
    ("34", "Xinh-mun"),
    ("35", "Hà Nhì"),
    ("36", "Chu-ru"),
    ("37", "Lào"),
    ("38", "La Chí"),
    ("39", "La Ha"),
    ("40", "Phù Lá"),
    ("41", "La Hủ"),
    ("42", "Lự"),
    ("43", "Lô Lô"),
    ("44", "Chứt"),
    ("45", "Mảng"),
    ("46", "Pà Thẻn"),
    ("47", "Cơ Lao"),
    ("48", "Cống"),
    ("49", "Bố Y"),
    ("50", "Si La"),
    ("51", "Pu Péo"),
    ("52", "Brâu"),
    ("53", "Ơ Đu"),
    ("54", "Rơ-măm"),
]

KINH_CODE = "01"


# ---------------------------------------------------------------------------
# Self-check: python3 lms/demo/course_content.py
# ---------------------------------------------------------------------------

def _iter_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _iter_strings(key)
            yield from _iter_strings(value)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _iter_strings(item)


def _lesson_words(lesson):
    import re

    text = " ".join(_iter_strings([lesson["title"], [v for _, v in lesson["body"]]]))
    text = re.sub(r"<[^>]+>", " ", text)
    return len(text.split())


def _check_html(html):
    """Only <p>, <ul>, <li>, <strong>, <em>; tags balanced; top level is <p>/<ul>."""
    from html.parser import HTMLParser

    allowed = {"p", "ul", "li", "strong", "em"}

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            assert tag in allowed, f"tag <{tag}> not allowed"
            assert not attrs, f"attributes not allowed on <{tag}>"
            if not self.stack:
                assert tag in ("p", "ul"), f"top-level <{tag}>"
            self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
            self.stack.pop()

        def handle_data(self, data):
            assert self.stack or not data.strip(), f"text outside tags: {data!r}"

    checker = Checker()
    checker.feed(html)
    checker.close()
    assert not checker.stack, f"unclosed {checker.stack}"


def _self_check():
    import re
    import unicodedata

    slug_re = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

    assert len(COURSES) == 4, len(COURSES)
    assert [c["programme"] for c in COURSES] == list(PROGRAMMES), "programme order"
    course_slugs = [c["slug"] for c in COURSES]
    assert len(set(course_slugs)) == len(course_slugs), "duplicate course slug"
    all_lesson_slugs = []
    for course in COURSES:
        for key in ("slug", "title", "title_en", "programme", "audience", "level",
                    "estimated_hours", "intro", "lessons"):
            assert key in course, (course["slug"], key)
        assert slug_re.match(course["slug"]), course["slug"]
        assert course["programme"] in PROGRAMMES, course["programme"]
        assert course["level"] in LEVELS, course["level"]
        assert isinstance(course["estimated_hours"], int) and course["estimated_hours"] > 0
        assert "<" not in course["intro"], "intro must be plain text"
        lessons = course["lessons"]
        assert 4 <= len(lessons) <= 6, (course["slug"], len(lessons))
        assert sum(1 for l in lessons if not l["required"]) <= 1, course["slug"]
        slugs = [l["slug"] for l in lessons]
        assert len(set(slugs)) == len(slugs), f"duplicate lesson slug in {course['slug']}"
        all_lesson_slugs += slugs
        total_minutes = 0
        for lesson in lessons:
            where = f"{course['slug']}/{lesson['slug']}"
            assert set(lesson) == {"slug", "title", "estimated_minutes", "required", "body"}, where
            assert slug_re.match(lesson["slug"]), where
            assert isinstance(lesson["required"], bool), where
            assert isinstance(lesson["estimated_minutes"], int), where
            assert 10 <= lesson["estimated_minutes"] <= 45, where
            total_minutes += lesson["estimated_minutes"]
            body = lesson["body"]
            assert 4 <= len(body) <= 8, (where, len(body))
            for kind, value in body:
                assert kind in BLOCK_TYPES, (where, kind)
                if kind == "heading":
                    assert isinstance(value, str) and value and "<" not in value, where
                elif kind == "paragraph":
                    assert isinstance(value, str), where
                    _check_html(value)
                elif kind == "callout":
                    assert set(value) == {"kind", "text"}, where
                    assert value["kind"] in CALLOUT_KINDS, where
                    assert value["text"] and "<" not in value["text"], where
                elif kind == "quote":
                    assert set(value) == {"text", "attribution"}, where
                    assert value["text"] and value["attribution"], where
            words = _lesson_words(lesson)
            assert 230 <= words <= 550, (where, words)
            print(f"  {where:62s} {lesson['estimated_minutes']:3d} min {words:4d} words"
                  f"{'' if lesson['required'] else '  (optional)'}")
        assert total_minutes <= course["estimated_hours"] * 60, course["slug"]
    assert len(set(all_lesson_slugs)) == len(all_lesson_slugs), "lesson slug reused across courses"

    for name, values in (("FAMILY_NAMES", FAMILY_NAMES),
                         ("MIDDLE_NAMES_MALE", MIDDLE_NAMES_MALE),
                         ("MIDDLE_NAMES_FEMALE", MIDDLE_NAMES_FEMALE),
                         ("GIVEN_NAMES_MALE", GIVEN_NAMES_MALE),
                         ("GIVEN_NAMES_FEMALE", GIVEN_NAMES_FEMALE)):
        assert len(set(values)) == len(values), f"duplicate in {name}"
        assert all(v and v == v.strip() for v in values), name

    assert len(ETHNIC_GROUPS) == 54, len(ETHNIC_GROUPS)
    codes = [code for code, _ in ETHNIC_GROUPS]
    assert codes == [f"{i:02d}" for i in range(1, 55)], "codes must be 01..54 in order"
    names = [n for _, n in ETHNIC_GROUPS]
    assert len(set(names)) == 54, "duplicate ethnic group name"
    assert dict(ETHNIC_GROUPS)[KINH_CODE] == "Kinh"

    everything = [COURSES, PROGRAMMES, FAMILY_NAMES, MIDDLE_NAMES_MALE,
                  MIDDLE_NAMES_FEMALE, GIVEN_NAMES_MALE, GIVEN_NAMES_FEMALE,
                  ETHNIC_GROUPS]
    for s in _iter_strings(everything):
        assert unicodedata.is_normalized("NFC", s), f"not NFC: {s[:60]!r}"

    print(f"OK: {len(COURSES)} courses, {len(all_lesson_slugs)} lessons, "
          f"{len(FAMILY_NAMES)} family names, "
          f"{len(GIVEN_NAMES_MALE)}+{len(GIVEN_NAMES_FEMALE)} given names, "
          f"{len(ETHNIC_GROUPS)} ethnic groups; all strings NFC.")


if __name__ == "__main__":
    _self_check()
