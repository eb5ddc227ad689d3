"""Question bank import/export as an IMS QTI 3.0 content package (docs/features/
interop-oneroster-qti.md): a zip with `imsmanifest.xml` and one `qti-assessment-item` file per
question.

Mapping (HọcMở → QTI 3.0 interaction):
  single / multiple / true_false → qti-choice-interaction (max-choices 1 / 0), response
      identifiers; true/false is a two-choice item whose choices are Đúng/Sai (or True/False);
  short      → qti-text-entry-interaction, every accepted answer a qti-map-entry (score 1);
               a numeric item (base-type float/integer) imports as a short answer;
  matching   → qti-match-interaction, directedPair "L1 R1" …;
  ordering   → qti-order-interaction, ordered cardinality, correct order as the key;
  explanation → qti-modal-feedback EXPLANATION, shown after any response (the response
               processing always sets FEEDBACK).
Import also reads QTI 2.1 items (camelCase element names are mapped onto the 3.0 names), which
many publishers still ship. XML is parsed with defusedxml (no DTD, no entities) and the zip is
bounded (members, sizes) before anything is decompressed. Parsing writes nothing:
services.questions_import_qti saves, all or nothing."""

import posixpath
import re
import xml.etree.ElementTree as ET  # noqa: S405 - only to build output; input goes through defusedxml
import zipfile
from io import BytesIO

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from .grading import fold
from .models import Question, QuestionType
from .xlsx import ImportError_

NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
ITEM_TYPE = "imsqti_item_xmlv3p0"
MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 1024 * 1024  # one item file, uncompressed
MAX_TOTAL_BYTES = 50 * 1024 * 1024  # the whole package, uncompressed
TRUE_WORDS, FALSE_WORDS = {"dung", "true", "yes"}, {"sai", "false", "no"}


class QtiError(ImportError_):
    """Every problem found, each naming the file (and the item); nothing is saved."""


# --- export ---------------------------------------------------------------------------------

def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _declaration(item, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    decl = _el(item, "qti-response-declaration", identifier="RESPONSE", cardinality=cardinality,
               base_type=base_type)
    key = _el(decl, "qti-correct-response")
    for value in correct:
        _el(key, "qti-value", value)
    return decl


def _score(parent, value: str) -> None:
    out = _el(parent, "qti-set-outcome-value", identifier="SCORE")
    _el(out, "qti-base-value", value, base_type="float")


def _processing(item, *, mapped: bool, feedback: bool) -> None:
    rp = _el(item, "qti-response-processing")
    if mapped:  # short answer: any accepted answer scores 1 (qti-map-response, upper bound 1)
        out = _el(rp, "qti-set-outcome-value", identifier="SCORE")
        _el(out, "qti-map-response", identifier="RESPONSE")
    else:
        condition = _el(rp, "qti-response-condition")
        when = _el(condition, "qti-response-if")
        match = _el(when, "qti-match")
        _el(match, "qti-variable", identifier="RESPONSE")
        _el(match, "qti-correct", identifier="RESPONSE")
        _score(when, "1")
        _score(_el(condition, "qti-response-else"), "0")
    if feedback:
        out = _el(rp, "qti-set-outcome-value", identifier="FEEDBACK")
        _el(out, "qti-base-value", "EXPLANATION", base_type="identifier")


def item_xml(q: Question, identifier: str) -> bytes:
    """One question as a QTI 3.0 assessment item."""
    item = ET.Element("qti-assessment-item", {
        "xmlns": NS, "identifier": identifier, "title": q.text[:80], "adaptive": "false",
        "time-dependent": "false", "xml:lang": "vi"})
    options = list(q.options.all())
    if q.qtype == QuestionType.SHORT:
        decl = _declaration(item, "single", "string", [options[0].text] if options else [])
        mapping = _el(decl, "qti-mapping", default_value="0", upper_bound="1")
        for o in options:
            _el(mapping, "qti-map-entry", map_key=o.text, mapped_value="1",
                case_sensitive="false")
    elif q.qtype == QuestionType.MATCHING:
        _declaration(item, "multiple", "directedPair",
                     [f"L{n} R{n}" for n in range(1, len(options) + 1)])
    elif q.qtype == QuestionType.ORDERING:
        ordered = sorted(options, key=lambda o: (o.sort_order or 0, o.pk))
        _declaration(item, "ordered", "identifier",
                     [f"C{options.index(o) + 1}" for o in ordered])
    else:
        _declaration(item, "multiple" if q.qtype == QuestionType.MULTIPLE else "single",
                     "identifier", [f"C{n}" for n, o in enumerate(options, 1) if o.is_correct])
    _el(item, "qti-outcome-declaration", identifier="SCORE", cardinality="single",
        base_type="float")
    if q.explanation:
        _el(item, "qti-outcome-declaration", identifier="FEEDBACK", cardinality="single",
            base_type="identifier")
    body = _el(item, "qti-item-body")
    if q.qtype == QuestionType.SHORT:
        _el(body, "p", q.text)
        _el(_el(body, "p"), "qti-text-entry-interaction", response_identifier="RESPONSE")
    elif q.qtype == QuestionType.MATCHING:
        interaction = _el(body, "qti-match-interaction", response_identifier="RESPONSE",
                          shuffle="true", max_associations=str(len(options)))
        _el(interaction, "qti-prompt", q.text)
        left, right = (_el(interaction, "qti-simple-match-set") for _ in range(2))
        for n, o in enumerate(options, 1):
            _el(left, "qti-simple-associable-choice", o.text, identifier=f"L{n}",
                match_max="1")
            _el(right, "qti-simple-associable-choice", o.match_text, identifier=f"R{n}",
                match_max="1")
    else:
        tag = "qti-order-interaction" if q.qtype == QuestionType.ORDERING \
            else "qti-choice-interaction"
        attrs = {"response_identifier": "RESPONSE",
                 "shuffle": "false" if q.qtype == QuestionType.TRUE_FALSE else "true"}
        if tag == "qti-choice-interaction":
            attrs["max_choices"] = "0" if q.qtype == QuestionType.MULTIPLE else "1"
        interaction = _el(body, tag, **attrs)
        _el(interaction, "qti-prompt", q.text)
        for n, o in enumerate(options, 1):
            _el(interaction, "qti-simple-choice", o.text, identifier=f"C{n}")
    _processing(item, mapped=q.qtype == QuestionType.SHORT, feedback=bool(q.explanation))
    if q.explanation:
        _el(item, "qti-modal-feedback", q.explanation, outcome_identifier="FEEDBACK",
            identifier="EXPLANATION", show_hide="show")
    ET.indent(item)
    return ET.tostring(item, encoding="utf-8", xml_declaration=True)


def questions_qti_package(course) -> bytes:
    """The course's bank as a QTI 3.0 content package (zip)."""
    manifest = ET.Element("manifest", {"xmlns": CP_NS, "identifier": f"hocmo-bank-{course.pk}"})
    metadata = _el(manifest, "metadata")
    _el(metadata, "schema", "QTI Package")
    _el(metadata, "schemaversion", "3.0.0")
    _el(manifest, "organizations")
    resources = _el(manifest, "resources")
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for q in Question.objects.filter(course=course).prefetch_related("options") \
                .order_by("pk"):
            identifier = f"q{q.pk}"
            href = f"items/{identifier}.xml"
            archive.writestr(href, item_xml(q, identifier))
            resource = _el(resources, "resource", identifier=identifier, type=ITEM_TYPE,
                           href=href)
            _el(resource, "file", href=href)
        ET.indent(manifest)
        archive.writestr("imsmanifest.xml",
                         ET.tostring(manifest, encoding="utf-8", xml_declaration=True))
    return out.getvalue()


# --- import ---------------------------------------------------------------------------------

def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _normalise(root: ET.Element) -> ET.Element:
    """Drop namespaces; QTI 2.1 names (choiceInteraction, responseIdentifier) → 3.0 names."""
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag and tag[0].islower() and any(c.isupper() for c in tag) or tag in {
                "value", "prompt", "mapping", "correct", "variable", "match"}:
            tag = "qti-" + _kebab(tag)
        element.tag = tag
        element.attrib = {_kebab(k.rsplit("}", 1)[-1]): v for k, v in element.attrib.items()}
    return root


def _parse_xml(data: bytes, where: str) -> ET.Element:
    try:
        return _normalise(SafeET.fromstring(data, forbid_dtd=True))
    except DefusedXmlException as exc:
        raise QtiError([f"{where}: tệp XML có DTD hoặc thực thể (không được phép)."]) from exc
    except (ET.ParseError, ValueError) as exc:
        raise QtiError([f"{where}: không phải XML hợp lệ ({exc})."]) from exc


def _text(element: ET.Element | None, skip=("qti-",)) -> str:
    """The visible text of an element, interactions and prompts excluded, spaces tidied."""
    if element is None:
        return ""
    parts = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if not child.tag.startswith(skip):
                walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(element)
    lines = ("".join(parts)).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _full_text(element: ET.Element | None) -> str:
    return _text(element, skip=("qti-\0",))


def _number(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _kind(choices: list[str], max_choices: str, correct: list[str]) -> str:
    folded = {fold(c) for c in choices}
    if len(choices) == 2 and len(correct) == 1 and (
            folded <= TRUE_WORDS | FALSE_WORDS and folded & TRUE_WORDS and folded & FALSE_WORDS):
        return QuestionType.TRUE_FALSE
    return QuestionType.SINGLE if max_choices == "1" else QuestionType.MULTIPLE


def item_parse(root: ET.Element, where: str) -> tuple[dict, list[dict]]:
    """(fields, options) of one item, as the XLSX parser gives them; QtiError otherwise."""
    if root.tag != "qti-assessment-item":
        raise QtiError([f"{where}: không phải câu hỏi QTI (qti-assessment-item)."])
    body = root.find("qti-item-body")
    declaration = next((d for d in root.iter("qti-response-declaration")), None)
    correct = [_full_text(v) for v in declaration.iter("qti-value")] if declaration is not None \
        else []
    errors = []
    interaction = None
    for tag in ("qti-choice-interaction", "qti-text-entry-interaction", "qti-match-interaction",
                "qti-order-interaction", "qti-extended-text-interaction"):
        interaction = body.find(f".//{tag}") if body is not None else None
        if interaction is not None:
            break
    if interaction is None or interaction.tag == "qti-extended-text-interaction":
        raise QtiError([f"{where}: loại tương tác chưa hỗ trợ (chỉ nhận chọn đáp án, đúng/sai, "
                        "điền ngắn/số, ghép nối, sắp xếp)."])
    prompt = _full_text(interaction.find("qti-prompt"))
    text = "\n".join(t for t in (_text(body), prompt) if t)
    options: list[dict] = []
    qtype: str
    if interaction.tag == "qti-text-entry-interaction":
        qtype = QuestionType.SHORT
        answers = [e.get("map-key", "") for e in root.iter("qti-map-entry")
                   if _number(e.get("mapped-value")) > 0] or correct
        seen: list[str] = []
        for answer in (a.strip() for a in answers):
            if answer and answer not in seen:
                seen.append(answer)
        options = [{"text": a, "is_correct": True} for a in seen]
    elif interaction.tag == "qti-match-interaction":
        qtype = QuestionType.MATCHING
        sets = interaction.findall("qti-simple-match-set")
        if len(sets) != 2:
            raise QtiError([f"{where}: câu ghép nối cần hai nhóm (qti-simple-match-set)."])
        left = {c.get("identifier"): _full_text(c) for c in sets[0]}
        right = {c.get("identifier"): _full_text(c) for c in sets[1]}
        for pair in correct:
            a, _sep, b = pair.partition(" ")
            if a in left and b.strip() in right:
                options.append({"text": left[a], "is_correct": True,
                                "match_text": right[b.strip()]})
            else:
                errors.append(f"{where}: cặp “{pair}” không khớp phương án nào.")
    else:
        choices = {c.get("identifier", ""): _full_text(c)
                   for c in interaction.iter("qti-simple-choice")}
        if interaction.tag == "qti-order-interaction":
            qtype = QuestionType.ORDERING
            order = [c for c in correct if c in choices] or list(choices)
            options = [{"text": choices[c], "is_correct": True} for c in order]
        else:
            qtype = _kind(list(choices.values()), interaction.get("max-choices", "1"), correct)
            options = [{"text": t, "is_correct": c in correct} for c, t in choices.items()]
            if not any(o["is_correct"] for o in options):
                errors.append(f"{where}: thiếu đáp án đúng (qti-correct-response).")
            if qtype != QuestionType.MULTIPLE and sum(o["is_correct"] for o in options) > 1:
                errors.append(f"{where}: câu một lựa chọn có nhiều hơn một đáp án đúng.")
    if not text:
        errors.append(f"{where}: thiếu nội dung câu hỏi.")
    if not options:
        errors.append(f"{where}: cần ít nhất một phương án / đáp án.")
    for n, option in enumerate(options):
        option.setdefault("match_text", "")
        option["sort_order"] = n + 1
        if len(option["text"]) > 500 or len(option["match_text"]) > 500:
            errors.append(f"{where}: phương án dài quá 500 ký tự.")
    if errors:
        raise QtiError(errors)
    feedback = "\n".join(_full_text(f) for f in root.iter("qti-modal-feedback"))
    return ({"qtype": qtype, "text": text, "explanation": feedback,
             "tags": "", "difficulty": 2, "accent_insensitive": True}, options)


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise QtiError([f"{name}: tệp quá lớn (tối đa 1 MB mỗi câu hỏi)."])
    with archive.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:  # the header lied about the size
        raise QtiError([f"{name}: tệp quá lớn (tối đa 1 MB mỗi câu hỏi)."])
    return data


def _package_items(data: bytes) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise QtiError(["Tệp không phải gói QTI (zip) hợp lệ."]) from exc
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise QtiError([f"Gói QTI quá lớn (tối đa {MAX_MEMBERS} tệp, 50 MB khi giải nén)."])
    names = {i.filename for i in infos}
    if "imsmanifest.xml" not in names:
        raise QtiError(["Gói QTI thiếu imsmanifest.xml."])
    manifest = _parse_xml(_member(archive, "imsmanifest.xml"), "imsmanifest.xml")
    items, errors = [], []
    for resource in manifest.iter("resource"):
        if not resource.get("type", "").startswith("imsqti_item"):
            continue
        href = posixpath.normpath(resource.get("href", ""))
        if href not in names:
            errors.append(f"imsmanifest.xml: không tìm thấy tệp “{resource.get('href', '')}”.")
            continue
        try:
            items.append((href, _member(archive, href)))
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            errors.append(f"{href}: không đọc được ({exc}).")
    if errors:
        raise QtiError(errors)
    if not items:
        raise QtiError(["imsmanifest.xml: gói không có câu hỏi nào (resource imsqti_item…)."])
    return items


def questions_parse(data: bytes) -> list[tuple[dict, list[dict]]]:
    """Every item of a QTI package (zip) or of one item file (XML) as (fields, options).
    Raises QtiError listing every problem; writes nothing."""
    items = _package_items(data) if data[:4] == b"PK\x03\x04" else [("item.xml", data)]
    parsed, errors = [], []
    for where, raw in items:
        try:
            parsed.append(item_parse(_parse_xml(raw, where), where))
        except QtiError as exc:
            errors.extend(exc.errors)
    if errors:
        raise QtiError(errors)
    return parsed
