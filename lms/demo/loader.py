"""The one reader of lms/demo/content/: the demo courses, personal names and ethnic groups.

Course text is data, not code (docs/architecture.md "Demo content"):

    content/courses/<n>-<course slug>/course.yaml          title, programme, level, intro …
    content/courses/<n>-<course slug>/<m>-<lesson slug>.md  one lesson: YAML front matter
                                                            (title, estimated_minutes, required)
                                                            and its body in a small Markdown
    content/names.yaml, content/ethnic_groups.yaml

<n> and <m> give the order. A lesson body is a list of blocks, separated by blank lines:

    ## Heading                     → ("heading", "Heading")
    > [!TIP] / [!NOTE] / [!WARNING]  then "> text"   → ("callout", {"kind", "text"})
    > text  then  "> — attribution"                  → ("quote", {"text", "attribution"})
    anything else                   → ("paragraph", HTML): lines starting "- " are a <ul>, other
                                      text a <p>; **strong**, *em*. Paragraphs and lists follow-
                                      ing each other form one block; "<!-- new block -->" starts
                                      the next one.
"""

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
NEW_BLOCK = "<!-- new block -->"
_CALLOUT = re.compile(r"^> \[!(TIP|NOTE|WARNING)\]$")
_ORDERED = re.compile(r"^(\d+)-(.+)$")


def _ordered(paths: list[Path]) -> list[tuple[str, Path]]:
    """(slug, path) in the order of the "<n>-" prefix of each name."""
    found = []
    for path in paths:
        match = _ORDERED.match(path.stem if path.is_file() else path.name)
        if match:
            found.append((int(match[1]), match[2], path))
    return [(slug, path) for _, slug, path in sorted(found)]


def _inline(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)


def _paragraph_html(chunks: list[str]) -> str:
    html = []
    for chunk in chunks:
        lines = chunk.split("\n")
        if all(line.startswith("- ") for line in lines):
            html.append("<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            html.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "".join(html)


def lesson_body(markdown: str) -> list[tuple[str, Any]]:
    """The blocks of one lesson body (see the module docstring)."""
    blocks: list[tuple[str, Any]] = []
    paragraph: list[str] = []

    def paragraph_end() -> None:
        if paragraph:
            blocks.append(("paragraph", _paragraph_html(paragraph)))
            paragraph.clear()

    for chunk in [c.strip("\n") for c in markdown.strip().split("\n\n") if c.strip()]:
        lines = chunk.split("\n")
        if chunk == NEW_BLOCK:
            paragraph_end()
        elif chunk.startswith("## "):
            paragraph_end()
            blocks.append(("heading", chunk[3:]))
        elif callout := _CALLOUT.match(lines[0]):
            paragraph_end()
            text = " ".join(line.removeprefix("> ") for line in lines[1:])
            blocks.append(("callout", {"kind": callout[1].lower(), "text": text}))
        elif chunk.startswith("> "):
            paragraph_end()
            *quoted, attribution = (line.removeprefix("> ") for line in lines)
            blocks.append(("quote", {"text": " ".join(quoted),
                                     "attribution": attribution.removeprefix("— ")}))
        else:
            paragraph.append(chunk)
    paragraph_end()
    return blocks


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _lesson(slug: str, path: Path) -> dict[str, Any]:
    front, body = _front_matter(path.read_text(encoding="utf-8"))
    return {"slug": slug, "title": front["title"], "estimated_minutes": front["estimated_minutes"],
            "required": front["required"], "body": lesson_body(body)}


@cache
def courses() -> list[dict[str, Any]]:
    """Each course: slug, title, title_en, programme, audience, level, estimated_hours, intro
    (plain text) and lessons (slug, title, estimated_minutes, required, body)."""
    result = []
    for slug, folder in _ordered(list((CONTENT_DIR / "courses").iterdir())):
        course = {"slug": slug, **yaml.safe_load((folder / "course.yaml").read_text(encoding="utf-8"))}
        course["lessons"] = [_lesson(lesson_slug, path)
                             for lesson_slug, path in _ordered(sorted(folder.glob("*.md")))]
        result.append(course)
    return result


@cache
def names() -> dict[str, list[str]]:
    """family_names, middle_names_male/_female, given_names_male/_female."""
    return yaml.safe_load((CONTENT_DIR / "names.yaml").read_text(encoding="utf-8"))


@cache
def ethnic_groups() -> list[tuple[str, str]]:
    """(official two-digit code, name) of Vietnam's 54 ethnic groups, in the official order."""
    data = yaml.safe_load((CONTENT_DIR / "ethnic_groups.yaml").read_text(encoding="utf-8"))
    return [(str(code), name) for code, name in data.items()]
