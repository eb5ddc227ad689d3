"""People's names in Vietnamese order: the ONE sort key (issue 19 item 11).

Vietnamese lists sort by given name (the last word), then the middle name, then the family name
(the first word), each with Vietnamese collation: the letters in alphabet order
(a ă â b c d đ e ê … o ô ơ … u ư …, so Đ comes right after D, never after Z), the tones only
when the letters are equal, in the order a à á ả ã ạ.

`name_sort_key(full_name)` is a plain ASCII string of lower-case letters, so it orders the same
in Python and in any database collation (byte-wise SQLite, PostgreSQL's en_US or C, ICU): every
symbol is two letters ("ab", "ac" …), "aa" ends a part. That lets `User.name_key` store it and
SQL-paginated lists `ORDER BY name_key`; lists built in Python sort by it directly
(`sorted(people, key=lambda u: name_sort_key(u.get_full_name()))`)."""

import unicodedata

# The alphabet in collation order; digits first. Letters outside Vietnamese (f j w z) keep
# their Latin place.
_ALPHABET = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
             "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
             "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_END = 0     # "aa": the end of a part, before everything
_SPACE = 1   # between the words of a middle name
_OTHER = 26 * 26 - 1  # "zz": anything else (punctuation, other scripts) sorts last
_INDEX = {letter: position + 2 for position, letter in enumerate(_ALPHABET)}

# Tones, in the order a à á ả ã ạ (no mark first).
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
# Marks that make a letter of their own (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

MAX_LENGTH = 255


def _code(index: int) -> str:
    return chr(97 + index // 26) + chr(97 + index % 26)


def _letters_and_tone(word: str) -> tuple[str, int]:
    """(the word's letters as codes, its tone 0–5)."""
    codes, tone = [], 0
    for char in unicodedata.normalize("NFC", word.lower()):
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _LETTER_MARKS)
        for mark in decomposed:
            tone = _TONES.get(mark, tone)
        letter = unicodedata.normalize("NFC", base)
        if letter not in _INDEX:  # e.g. é in a foreign name: its base letter, else last
            letter = "".join(c for c in unicodedata.normalize("NFD", letter)
                             if not unicodedata.combining(c))
        codes.append(_code(_INDEX.get(letter, _OTHER)))
    return "".join(codes), tone


def _part_key(words: list[str]) -> str:
    """Letters of the part's words (space between), the end mark, then one tone per word."""
    letters, tones = [], []
    for word in words:
        codes, tone = _letters_and_tone(word)
        letters.append(codes)
        tones.append(_code(2 + tone))
    return _code(_SPACE).join(letters) + _code(_END) + "".join(tones) + _code(_END)


def name_parts(full_name: str) -> tuple[list[str], list[str], list[str]]:
    """(given, middle, family) words: given = the last word, family = the first, middle = the
    rest. One word is a given name."""
    words = (full_name or "").split()
    if not words:
        return [], [], []
    if len(words) == 1:
        return words, [], []
    return [words[-1]], words[1:-1], [words[0]]


def name_sort_key(full_name: str) -> str:
    given, middle, family = name_parts(full_name)
    return (_part_key(given) + _part_key(middle) + _part_key(family))[:MAX_LENGTH]


def sorted_by_name(items, name=lambda item: item.get_full_name()):
    """`items` in Vietnamese name order (`name(item)` gives the full name)."""
    return sorted(items, key=lambda item: (name_sort_key(name(item)), name(item)))
