"""Server-side grading. Responses refer to positions in the order options were shown in an
attempt (AttemptAnswer.option_order / match_order), never to option ids.

Response shapes by question type:
- single, true_false: int (index of the chosen option)
- multiple: sorted list of ints
- short: str
- matching: list, item i = index in match_order chosen for left-hand item i (or None)
- ordering: list, item i = position (1-based) chosen for item i (or None)
"""

import re
import unicodedata

from lms.common.text import vn_fold

from .models import QuestionType

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Accent-insensitive form of Vietnamese text: NFC, đ/Đ → d, strip combining marks, lower
    case, collapse spaces. “Khởi  Nghiệp” (NFC or NFD) and “khoi nghiep” fold alike."""
    return _SPACES.sub(" ", vn_fold(text)).strip()


def normalise(text: str) -> str:
    """Exact-accent comparison that still forgives case, spacing and NFC/NFD differences."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip().lower()


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_response(qtype: str, n_options: int, n_matches: int, data, prefix: str):
    """Read one question's answer from POST data (a QueryDict). Returns None when the learner
    left it blank; values out of range are dropped, so bad input never becomes a response."""
    if qtype in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        index = _int_or_none(data.get(prefix))
        return index if index is not None and 0 <= index < n_options else None
    if qtype == QuestionType.MULTIPLE:
        picked = {_int_or_none(v) for v in data.getlist(prefix)}
        chosen = sorted(i for i in picked if i is not None and 0 <= i < n_options)
        return chosen or None
    if qtype == QuestionType.SHORT:
        text = (data.get(prefix) or "")[:500]
        return text if text.strip() else None
    limit = n_matches if qtype == QuestionType.MATCHING else n_options
    values = []
    for i in range(n_options):
        value = _int_or_none(data.get(f"{prefix}_{i}"))
        if qtype == QuestionType.ORDERING:
            value = value if value is not None and 1 <= value <= limit else None
        else:
            value = value if value is not None and 0 <= value < limit else None
        values.append(value)
    return values if any(v is not None for v in values) else None


def is_correct(question, options_by_id: dict, option_order: list, match_order: list,
               response) -> bool:
    """Whether `response` answers `question` correctly (all or nothing)."""
    if response is None:
        return False
    qtype = question.qtype
    shown = [options_by_id[i] for i in option_order if i in options_by_id]
    if qtype in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        return isinstance(response, int) and 0 <= response < len(shown) and \
            shown[response].is_correct
    if qtype == QuestionType.MULTIPLE:
        correct = {i for i, option in enumerate(shown) if option.is_correct}
        return isinstance(response, list) and set(response) == correct
    if qtype == QuestionType.SHORT:
        compare = fold if question.accent_insensitive else normalise
        given = compare(str(response))
        return any(given == compare(option.text) for option in shown if option.text.strip())
    if not isinstance(response, list) or len(response) != len(shown):
        return False
    if qtype == QuestionType.MATCHING:
        return all(
            r is not None and 0 <= r < len(match_order) and match_order[r] == option.pk
            for r, option in zip(response, shown, strict=True)
        )
    if qtype == QuestionType.ORDERING:
        rank = {option.pk: n + 1 for n, option in
                enumerate(sorted(shown, key=lambda o: (o.sort_order or 0, o.pk)))}
        return all(r == rank[option.pk] for r, option in zip(response, shown, strict=True))
    return False
