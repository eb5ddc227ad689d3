"""Vietnamese folding: the ONE function used to index and to query on every backend.

NFC → đ/Đ → d/D → strip combining marks → lower case. NFC first so decomposed (NFD) input
folds the same as precomposed input; đ is replaced by hand because Unicode gives it no
decomposition (which is also why SQLite FTS5's remove_diacritics never folds it)."""

import re
import unicodedata
from functools import lru_cache

_DD = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" splits words as in PostgreSQL


def nfc_lower(text: str) -> str:
    """The text as typed, only normalised: used for exact-accent matches."""
    return unicodedata.normalize("NFC", text or "").lower()


def vn_fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").translate(_DD)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return vn_fold(char)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """(folded NFC text, offsets) where offsets[i] is the index in the NFC text of the
    character that folded character i came from, so a match in folded text can be highlighted
    in the original."""
    nfc = unicodedata.normalize("NFC", text or "")
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
