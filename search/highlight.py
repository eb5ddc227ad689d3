"""Highlighted snippets: matches are found in folded text and marked in the original, so
"dong nai" marks "Đồng Nai"."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lms.common.text import fold_with_offsets

SNIPPET_CHARS = 220


def _spans(folded: str, tokens: list[str]) -> list[tuple[int, int]]:
    spans = []
    for token in tokens:
        for match in re.finditer(rf"(?<!\w){re.escape(token)}\w*", folded):
            spans.append((match.start(), match.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(original: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        out.append(escape(original[cursor:start]))
        out.append(f"<mark>{escape(original[start:end])}</mark>")
        cursor = end
    out.append(escape(original[cursor:]))
    return "".join(out)


def _original_spans(offsets: list[int], spans, length: int) -> list[tuple[int, int]]:
    result = []
    for start, end in spans:
        o_start = offsets[start]
        o_end = offsets[end - 1] + 1 if end - 1 < len(offsets) else length
        result.append((o_start, o_end))
    return result


def highlight(text: str, tokens: list[str]) -> SafeString:
    import unicodedata

    original = unicodedata.normalize("NFC", text or "")
    folded, offsets = fold_with_offsets(original)
    spans = _original_spans(offsets, _spans(folded, tokens), len(original))
    return mark_safe(_mark(original, spans))  # noqa: S308 - every piece is escaped in _mark


def snippet(text: str, tokens: list[str], size: int = SNIPPET_CHARS) -> SafeString:
    """About `size` characters around the first match (or the start), highlighted."""
    import unicodedata

    original = unicodedata.normalize("NFC", text or "")
    folded, offsets = fold_with_offsets(original)
    spans = _original_spans(offsets, _spans(folded, tokens), len(original))
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    if start:
        space = original.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(original), start + size)
    if end < len(original):
        space = original.rfind(" ", start, end)
        end = space if space > start else end
    window = [(max(s, start) - start, min(e, end) - start)
              for s, e in spans if s < end and e > start]
    body = _mark(original[start:end], window)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(original) else ""))  # noqa: S308
