"""Rubrics: criteria × levels with points. The teacher writes one criterion a line,

    Nội dung: Đầy đủ 4; Khá 3; Còn thiếu 1
    Trình bày: Sạch đẹp 3; Chưa gọn 1

and marking picks one level a criterion. The score is the points chosen over the rubric's
most points, on the 10-point scale, rounded half up to one decimal (a rubric whose best levels
add up to 10 gives its sum as it is). The filled rubric is kept with the mark as a snapshot, so
editing the rubric later never changes a mark already given."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import SCORE_MAX
from .scores import TENTH

MAX_CRITERIA = 10
MAX_LEVELS = 6
POINTS_RE = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
LEVEL_RE = re.compile(r"^(?P<label>.*?)\s+(?P<points>\S+)$")


def _points(text: str, line: int) -> Decimal:
    if not POINTS_RE.fullmatch(text):
        raise ValidationError(_("Dòng %(line)s: “%(points)s” không phải số điểm (ví dụ 2,5).")
                              % {"line": line, "points": text})
    return Decimal(text.replace(",", "."))


def rubric_parse(text: str) -> list[dict]:
    """The rubric from the teacher's lines; ValidationError naming the line at fault."""
    criteria: list[dict] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        title, sep, rest = line.partition(":")
        if not sep or not title.strip() or not rest.strip():
            raise ValidationError(_("Dòng %(line)s: viết “Tiêu chí: mức 1 điểm; mức 2 điểm”.")
                                  % {"line": number})
        levels = []
        for part in rest.split(";"):
            part = part.strip()
            if not part:
                continue
            match = LEVEL_RE.match(part)
            if match is None or not match["label"].strip():
                raise ValidationError(_("Dòng %(line)s: mỗi mức là tên mức rồi số điểm, ví dụ "
                                        "“Tốt 4”.") % {"line": number})
            levels.append({"label": match["label"].strip()[:100],
                           "points": str(_points(match["points"], number))})
        if not levels or len(levels) > MAX_LEVELS:
            raise ValidationError(_("Dòng %(line)s: từ 1 đến %(n)s mức.")
                                  % {"line": number, "n": MAX_LEVELS})
        criteria.append({"title": title.strip()[:200], "levels": levels})
    if len(criteria) > MAX_CRITERIA:
        raise ValidationError(_("Tối đa %(n)s tiêu chí.") % {"n": MAX_CRITERIA})
    if criteria and rubric_max(criteria) <= 0:
        raise ValidationError(_("Tổng điểm tối đa của các tiêu chí phải lớn hơn 0."))
    return criteria


def _text_points(value: str) -> str:
    number = Decimal(value)
    text = format(number.normalize() if number != number.to_integral() else
                  number.quantize(Decimal(1)), "f")
    return text.replace(".", ",")


def rubric_text(rubric: list[dict]) -> str:
    """The teacher's lines back from a stored rubric (the edit form)."""
    return "\n".join(
        f"{c['title']}: " + "; ".join(f"{lv['label']} {_text_points(lv['points'])}"
                                      for lv in c["levels"]) for c in rubric)


def criterion_max(criterion: dict) -> Decimal:
    return max(Decimal(level["points"]) for level in criterion["levels"])


def rubric_max(rubric: list[dict]) -> Decimal:
    return sum((criterion_max(c) for c in rubric), Decimal(0))


def rubric_fill(rubric: list[dict], choices: list[int]) -> tuple[Decimal, list[dict]]:
    """The score (10-point scale, one decimal) and the filled rubric for one level index per
    criterion; ValueError if a choice is missing or out of range."""
    if len(choices) != len(rubric):
        raise ValueError(choices)
    filled, total = [], Decimal(0)
    for criterion, choice in zip(rubric, choices, strict=True):
        if not 0 <= choice < len(criterion["levels"]):
            raise ValueError(choice)
        level = criterion["levels"][choice]
        points = Decimal(level["points"])
        total += points
        filled.append({"title": criterion["title"], "level": level["label"],
                       "points": str(points), "max": str(criterion_max(criterion))})
    top = rubric_max(rubric)
    score = min(SCORE_MAX, total * SCORE_MAX / top).quantize(TENTH, rounding=ROUND_HALF_UP)
    return score, filled


def filled_totals(filled: list[dict]) -> tuple[Decimal, Decimal]:
    """(points given, most points) of a filled rubric, for its table's last row."""
    return (sum((Decimal(row["points"]) for row in filled), Decimal(0)),
            sum((Decimal(row["max"]) for row in filled), Decimal(0)))
