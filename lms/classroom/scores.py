"""Scores on the 10-point scale: read from what a teacher types ("8,5" or "8.5"), shown in the
reader's language (Vietnamese: a decimal comma, "8,5"; English: "8.5"), averages rounded to
one decimal as school records keep them."""

import functools
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, translation

from .models import SCORE_MAX

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
# Plain digits only: no exponent, sign, NaN or Infinity.
SCORE_RE = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?")


def score_parse(text: str) -> Decimal:
    """A score from 0 to 10 with at most two decimals; ValueError otherwise."""
    cleaned = (text or "").strip()
    if not SCORE_RE.fullmatch(cleaned):
        raise ValueError(text)
    value = Decimal(cleaned.replace(",", "."))
    if value > SCORE_MAX:
        raise ValueError(text)
    return value.quantize(CENT)


def score_display(value: Decimal | None) -> str:
    """"8,5" in Vietnamese, "8.5" in English; "" for no score."""
    if value is None:
        return ""
    return _display(Decimal(value), translation.get_language() or "vi")


@functools.lru_cache(maxsize=4096)
def _display(value: Decimal, language: str) -> str:
    """Scores take few distinct values: a gradebook of 1,800 cells formats each once."""
    trimmed = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    places = max(0, -int(trimmed.as_tuple().exponent))
    return formats.number_format(trimmed, places, use_l10n=True)


def average(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)
