"""Export a course's question bank as Moodle XML (import into Moodle: Question bank → Import →
Moodle XML). Ordering questions use the `ordering` type (standard since Moodle 4.4), answers
listed in the correct order. Export only; XLSX is the format for import."""

import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML, never parse input

from .models import Question, QuestionType

MOODLE_TYPE: dict[str, str] = {
    QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse", QuestionType.SHORT: "shortanswer",
    QuestionType.MATCHING: "matching", QuestionType.ORDERING: "ordering",
}


def _text(parent, tag: str, value: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent, fraction: float, text: str) -> None:
    _text(parent, "answer", text, fraction=f"{fraction:g}", format="plain_text")


def _question(root, q: Question) -> None:
    element = ET.SubElement(root, "question", type=MOODLE_TYPE[q.qtype])
    _text(element, "name", q.text[:80])
    _text(element, "questiontext", q.text, format="plain_text")
    if q.explanation:
        _text(element, "generalfeedback", q.explanation, format="plain_text")
    options = list(q.options.all())
    correct = [o for o in options if o.is_correct]
    if q.qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        ET.SubElement(element, "single").text = "true" if q.qtype == QuestionType.SINGLE \
            else "false"
        ET.SubElement(element, "shuffleanswers").text = "1"
        share = round(100 / max(len(correct), 1), 5)
        for o in options:
            _answer(element, share if o.is_correct else (0 if q.qtype == QuestionType.SINGLE
                                                         else -100), o.text)
    elif q.qtype == QuestionType.TRUE_FALSE:
        true_is_correct = any(o.is_correct and o.text.strip().lower() in ("đúng", "true")
                              for o in options)
        _answer(element, 100 if true_is_correct else 0, "true")
        _answer(element, 0 if true_is_correct else 100, "false")
    elif q.qtype == QuestionType.SHORT:
        ET.SubElement(element, "usecase").text = "0"
        for o in options:
            _answer(element, 100, o.text)
    elif q.qtype == QuestionType.MATCHING:
        ET.SubElement(element, "shuffleanswers").text = "true"
        for o in options:
            sub = _text(element, "subquestion", o.text, format="plain_text")
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = o.match_text
    else:  # ordering: answers in the correct order
        for n, o in enumerate(sorted(options, key=lambda o: (o.sort_order or 0, o.pk)), 1):
            _answer(element, n, o.text)
    tags = q.tag_list
    if tags:
        tags_el = ET.SubElement(element, "tags")
        for tag in tags:
            _text(tags_el, "tag", tag)


def questions_moodle_xml(course) -> bytes:
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", type="category")
    _text(category, "category", f"$course$/top/{course.title}")
    for q in Question.objects.filter(course=course).prefetch_related("options").order_by("pk"):
        _question(root, q)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
