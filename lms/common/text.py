"""Vietnamese folding: the ONE function used to index and to query on every backend.

NFC → đ/Đ → d/D → strip combining marks → lower case. NFC first so decomposed (NFD) input
folds the same as precomposed input; đ is replaced by hand because Unicode gives it no
decomposition (which is also why SQLite FTS5's remove_diacritics never folds it)."""

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_DD = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" splits words as in PostgreSQL


def nfc_lower(text: str) -> str:
    """The text as typed, only normalised: used for exact-accent matches."""
    return unicodedata.normalize("NFC", text or "").lower()


def _unaccent_by_definition(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").translate(_DD)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _vn_fold_by_definition(text: str) -> str:
    return _unaccent_by_definition(text).lower()


def _fold_tables() -> tuple[dict[int, str], re.Pattern]:
    """A `str.translate` table of every BMP character the definition turns into one other
    character (ế → e, Ấ → A, Đ → D), so folding runs at C speed, and a pattern of the characters
    the table cannot settle (combining marks, characters becoming 0 or 2+ characters, astral
    ones): text containing one takes the definition's slow path."""
    table, slow = {}, []
    for code in range(0x80, 0x10000):
        char = chr(code)
        if unicodedata.combining(char):
            slow.append(code)
        elif unicodedata.normalize("NFD", char) != char or char in "đĐ":
            stripped = _unaccent_by_definition(char)
            if len(stripped) != 1:
                slow.append(code)
            elif stripped != char:
                table[code] = stripped
    ranges, start = [], None
    for index, code in enumerate(slow):
        start = code if start is None else start
        if index + 1 == len(slow) or slow[index + 1] != code + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code))}")
            start = None
    return table, re.compile("[" + "".join(ranges) + "\\U00010000-\\U0010ffff]")


_ONE_CHAR_FOLDS, _SLOW_PATH = _fold_tables()


def unaccent(text: str) -> str:
    """NFC → đ/Đ → d/D → strip combining marks, keeping case: "Hà Nội" → "Ha Noi" (SMS)."""
    nfc = unicodedata.normalize("NFC", text or "")
    if nfc.isascii():
        return nfc
    if _SLOW_PATH.search(nfc):
        return _unaccent_by_definition(nfc)
    return nfc.translate(_ONE_CHAR_FOLDS)


def vn_fold(text: str) -> str:
    return unaccent(text).lower()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return vn_fold(char)


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """(folded NFC text, offsets) where offsets[i] is the index in the NFC text of the
    character that folded character i came from, so a match in folded text can be highlighted
    in the original."""
    nfc = unicodedata.normalize("NFC", text or "")
    # vn_fold's fast paths inline: it would normalise and search for slow characters again.
    if nfc.isascii():
        return nfc.lower(), range(len(nfc))
    if not _SLOW_PATH.search(nfc):
        folded_fast = nfc.translate(_ONE_CHAR_FOLDS).lower()
        if len(folded_fast) == len(nfc):
            return folded_fast, range(len(nfc))  # every character folded to exactly one
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(nfc):
        piece = _fold_char(char)
        folded.append(piece)
        offsets.extend([index] * len(piece))
    return "".join(folded), offsets


def words(text: str) -> list[str]:
    """Folded words of `text` (letters and digits, punctuation dropped)."""
    return _WORD.findall(vn_fold(text))


def padded_exact(text: str) -> str:
    """Like `padded` but keeping accents (NFC, lower case): for exact-accent word matches."""
    found = _WORD.findall(nfc_lower(text))
    return f" {' '.join(found)} " if found else ""


def padded(text: str) -> str:
    """Folded words joined by single spaces with a space at both ends, so that `" word"` is a
    word-prefix match and `" w1 w2 "` a phrase match, with the same LIKE on every database."""
    found = words(text)
    return f" {' '.join(found)} " if found else ""
