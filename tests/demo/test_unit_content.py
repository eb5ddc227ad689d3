"""The demo content files (lms/demo/content) read by lms.demo.loader: the checks the old
course_content.py self-check made, and the Markdown blocks the loader understands."""

import re
import unicodedata
from html.parser import HTMLParser

from lms.demo import loader
from lms.demo.courses import PROGRAMMES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _strings(item)


class _Checker(HTMLParser):
    """Only <p>, <ul>, <li>, <strong>, <em>; tags balanced; top level is <p>/<ul>."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in {"p", "ul", "li", "strong", "em"} and not attrs, tag
        assert self.stack or tag in ("p", "ul"), f"top-level <{tag}>"
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data):
        assert self.stack or not data.strip(), f"text outside tags: {data!r}"


def test_the_four_courses_and_their_lessons_are_well_formed():
    courses = loader.courses()
    assert [c["programme"] for c in courses] == ["startup", "digital", "stem", "career"]
    codes = {code for code, _name, _en in PROGRAMMES}
    lesson_slugs = []
    for course in courses:
        assert set(course) == {"slug", "title", "title_en", "programme", "audience", "level",
                               "estimated_hours", "intro", "lessons"}, course["slug"]
        assert SLUG.match(course["slug"]) and course["programme"] in codes
        assert course["level"] in ("beginner", "intermediate", "advanced")
        assert "<" not in course["intro"]
        lessons = course["lessons"]
        assert 4 <= len(lessons) <= 6 and sum(not lesson["required"] for lesson in lessons) <= 1
        assert sum(lesson["estimated_minutes"] for lesson in lessons) <= course["estimated_hours"] * 60
        for lesson in lessons:
            where = f"{course['slug']}/{lesson['slug']}"
            assert SLUG.match(lesson["slug"]) and isinstance(lesson["required"], bool), where
            assert 10 <= lesson["estimated_minutes"] <= 45, where
            assert 4 <= len(lesson["body"]) <= 8, where
            for kind, value in lesson["body"]:
                if kind == "heading":
                    assert value and "<" not in value, where
                elif kind == "paragraph":
                    checker = _Checker()
                    checker.feed(value)
                    checker.close()
                    assert not checker.stack, where
                elif kind == "callout":
                    assert value["kind"] in ("tip", "note", "warning") and value["text"], where
                    assert "<" not in value["text"] and "*" not in value["text"], where
                else:
                    assert kind == "quote" and value["text"] and value["attribution"], where
            text = re.sub(r"<[^>]+>", " ", " ".join(_strings([lesson["title"], lesson["body"]])))
            assert 230 <= len(text.split()) <= 550, where
            lesson_slugs.append(lesson["slug"])
    assert len(lesson_slugs) == 21 and len(set(lesson_slugs)) == len(lesson_slugs)


def test_names_and_ethnic_groups():
    for key, values in loader.names().items():
        assert values and len(set(values)) == len(values), key
    groups = loader.ethnic_groups()
    assert [code for code, _ in groups] == [f"{i:02d}" for i in range(1, 55)]
    assert dict(groups)["01"] == "Kinh" and len({name for _, name in groups}) == 54


def test_every_string_is_nfc():
    everything = [loader.courses(), loader.names(), loader.ethnic_groups()]
    for text in _strings(everything):
        assert unicodedata.is_normalized("NFC", text), text[:60]


def test_lesson_markdown_blocks():
    body = loader.lesson_body(
        "**Robot** là *máy*.\n\n- một\n- **hai**\n\n<!-- new block -->\n\nTiếp.\n\n## Tiêu đề\n\n"
        "> [!WARNING]\n> Cẩn thận.\n\n> Học đi đôi với hành.\n> — Ông cha ta\n")
    assert body == [
        ("paragraph", "<p><strong>Robot</strong> là <em>máy</em>.</p>"
                      "<ul><li>một</li><li><strong>hai</strong></li></ul>"),
        ("paragraph", "<p>Tiếp.</p>"),
        ("heading", "Tiêu đề"),
        ("callout", {"kind": "warning", "text": "Cẩn thận."}),
        ("quote", {"text": "Học đi đôi với hành.", "attribution": "Ông cha ta"}),
    ]
