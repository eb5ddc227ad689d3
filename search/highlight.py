"""Highlighted snippets: matches are found in folded text and marked in the original, so
"dong nai" marks "Đồng Nai"."""

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape  # what django.utils.html.escape runs, without its lazy-string wrapper

from django.utils.safestring import SafeString, mark_safe

from lms.common.text import fold_with_offsets

SNIPPET_CHARS = 220


@lru_cache(maxsize=256)
def _pattern(tokens: tuple[str, ...]) -> re.Pattern:
    """Any token at a word start, to the end of that word: one pass finds every match (two
    tokens matching at one word start mark the same word, so the spans never overlap)."""
    alternatives = "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*")


def _spans(folded: str, tokens: list[str], start: int = 0,
           end: int | None = None) -> list[tuple[int, int]]:
    if not tokens:
        return []
    pattern = _pattern(tuple(tokens))
    return [m.span() for m in pattern.finditer(folded, start, len(folded) if end is None
                                               else end)]


_HTML_SPECIAL = re.compile("[&<>\"']")


def _mark(original: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    if _HTML_SPECIAL.search(original) is None:
        # Nothing to escape (most titles and snippets): html.escape's five replaces on every
        # piece were a quarter of a results page's Python time (issue 18).
        out = []
        cursor = 0
        for start, end in spans:
            out.append(original[cursor:start])
            out.append(f"<mark>{original[start:end]}</mark>")
            cursor = end
        out.append(original[cursor:])
        return "".join(out)
    out = []
    cursor = 0
    for start, end in spans:
        out.append(escape(original[cursor:start]))
        out.append(f"<mark>{escape(original[start:end])}</mark>")
        cursor = end
    out.append(escape(original[cursor:]))
    return "".join(out)


def _original_spans(offsets: Sequence[int], spans, length: int) -> list[tuple[int, int]]:
    result = []
    for start, end in spans:
        o_start = offsets[start]
        o_end = offsets[end - 1] + 1 if end - 1 < len(offsets) else length
        result.append((o_start, o_end))
    return result


def _folded_index(offsets: Sequence[int], original_index: int) -> int:
    """The first folded character at or after `original_index` of the original text."""
    from bisect import bisect_left

    return bisect_left(offsets, original_index)


def highlight(text: str, tokens: list[str]) -> SafeString:
    import unicodedata

    original = unicodedata.normalize("NFC", text or "")
    folded, offsets = fold_with_offsets(original)
    spans = _original_spans(offsets, _spans(folded, tokens), len(original))
    return mark_safe(_mark(original, spans))  # noqa: S308 - every piece is escaped in _mark


def snippet(text: str, tokens: list[str], size: int = SNIPPET_CHARS) -> SafeString:
    """About `size` characters around the first match (or the start), highlighted. Only the
    first match is looked for in the whole text, the rest in the shown window."""
    import unicodedata

    original = unicodedata.normalize("NFC", text or "")
    folded, offsets = fold_with_offsets(original)
    first_match = _pattern(tuple(tokens)).search(folded) if tokens else None
    first = offsets[first_match.start()] if first_match else 0
    start = max(0, first - size // 3)
    if start:
        space = original.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(original), start + size)
    if end < len(original):
        space = original.rfind(" ", start, end)
        end = space if space > start else end
    spans = _original_spans(offsets, _spans(folded, tokens, _folded_index(offsets, start),
                                            _folded_index(offsets, end)), len(original))
    window = [(max(s, start) - start, min(e, end) - start)
              for s, e in spans if s < end and e > start]
    body = _mark(original[start:end], window)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(original) else ""))  # noqa: S308
