"""The one way to read JSON that someone else sent: request bodies (the progress endpoint, the
xAPI statements and documents, the REST API through `StrictJSONParser`) and uploaded packages
(an H5P's h5p.json and content.json).

`json_read` refuses, with `JSONInputError` (a ValueError, so a 400 and never a 500):
- bytes that are not UTF-8, and text that is not JSON;
- `NaN`, `Infinity`, `-Infinity` and numbers that overflow to them (`1e400`), and integers
  longer than MAX_INT_DIGITS digits;
- nesting deeper than `max_depth` arrays/objects (Python's own parser would raise
  RecursionError at about 1,000, and the code that walks a document afterwards sooner);
- NUL (U+0000) or a lone surrogate ("\\ud800") in any string or key: PostgreSQL stores
  neither in text or jsonb.

The `json_number`, `json_bool`, `json_string` helpers read one field of a decoded object with
strict types: a boolean is `true`/`false` (never "false" or 0), a number is a finite JSON
number (never a string or a boolean), a string is a string. Each raises `JSONFieldError` with
the field's name, so a view can answer `{"detail": ..., "fields": {name: message}}`."""

import json
import math
import re
from typing import Any

from django.utils.translation import gettext as _

MAX_DEPTH = 64
MAX_INT_DIGITS = 30  # beyond any count or id this platform stores (bigint has 19 digits)


class JSONInputError(ValueError):
    """The body is not acceptable JSON. `path` names where (JSON path, or "body")."""

    def __init__(self, message: str, path: str = "body"):
        super().__init__(message)
        self.message = message
        self.path = path


class JSONFieldError(JSONInputError):
    """One field of an otherwise readable object has the wrong type or value."""


def _constant(name: str):
    raise JSONInputError(_("JSON không được chứa %(name)s (chỉ nhận số hữu hạn).")
                         % {"name": name})


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400
        raise JSONInputError(_("số %(text)s vượt quá giới hạn (chỉ nhận số hữu hạn).")
                             % {"text": text[:40]})
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JSONInputError(_("số nguyên quá dài (tối đa %(digits)s chữ số).")
                             % {"digits": MAX_INT_DIGITS})
    return int(text)


def _too_deep(max_depth: int) -> JSONInputError:
    return JSONInputError(_("JSON lồng quá sâu (tối đa %(depth)s cấp).") % {"depth": max_depth})


class _TooDeep(Exception):
    pass


def _check_depth(value: Any, levels_left: int) -> None:
    """Recursion over the containers only, never more than `levels_left` + 1 calls deep."""
    if levels_left <= 0:
        raise _TooDeep
    for child in value.values() if type(value) is dict else value:
        kind = type(child)
        if kind is dict or kind is list:
            _check_depth(child, levels_left - 1)


# Only a text that holds one of these escapes can decode to NUL or a lone surrogate (a raw NUL
# or other control character is not valid JSON).
SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89abAB])")


def _check_strings(value: Any) -> None:
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise JSONInputError(_("chuỗi JSON không được chứa ký tự NUL (\\u0000)."))
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
                raise JSONInputError(_("chuỗi JSON chứa ký tự Unicode không hợp lệ.")) from None
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def json_read(raw: bytes | str, *, max_depth: int = MAX_DEPTH, empty: Any = None) -> Any:
    """The decoded value of `raw`, or `empty` when `raw` is empty. Raises JSONInputError.
    Cheap on ordinary documents: numbers are checked as they are parsed, the depth walk visits
    containers only (and is skipped when the text has too few brackets to be deep), and strings
    are walked only when the text holds a \\u0000 or surrogate escape."""
    if not raw:
        return empty
    if isinstance(raw, bytes | bytearray | memoryview):
        try:
            text = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JSONInputError(_("nội dung không phải UTF-8.")) from None
    else:
        text = raw
    try:
        value = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except JSONInputError:
        raise
    except RecursionError:  # Python's parser stops near 1,000 levels
        raise _too_deep(max_depth) from None
    except ValueError as exc:  # JSONDecodeError
        raise JSONInputError(_("không phải JSON hợp lệ (%(error)s).") % {"error": exc}) from None
    if text.count("[") + text.count("{") > max_depth and type(value) in (dict, list):
        try:
            _check_depth(value, max_depth)
        except _TooDeep:
            raise _too_deep(max_depth) from None
    if SUSPECT_ESCAPE.search(text):
        _check_strings(value)
    return value


def json_object(raw: bytes | str, *, allowed: set[str] | None = None,
                empty_ok: bool = True) -> dict:
    """A JSON object (an empty body reads as {} when `empty_ok`). With `allowed`, an unknown
    key is a JSONFieldError naming it (a misspelt field is never silently ignored)."""
    value = json_read(raw, empty={} if empty_ok else None)
    if not isinstance(value, dict):
        raise JSONInputError(_("phải là một đối tượng JSON."))
    if allowed is not None:
        for key in sorted(set(value) - allowed):
            raise JSONFieldError(_("trường không được hỗ trợ."), key)
    return value


_MISSING: Any = object()


def json_number(data: dict, name: str, *, default: Any = _MISSING, minimum: float | None = None,
                maximum: float | None = None, integer: bool = False) -> Any:
    """A finite number (never a boolean or a string); `integer` refuses 1.5."""
    if name not in data:
        if default is _MISSING:
            raise JSONFieldError(_("bắt buộc."), name)
        return default
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or (
            isinstance(value, float) and not math.isfinite(value)):
        raise JSONFieldError(_("phải là một số."), name)
    if integer and isinstance(value, float) and not value.is_integer():
        raise JSONFieldError(_("phải là số nguyên."), name)
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        raise JSONFieldError(_("phải nằm trong khoảng %(low)s–%(high)s.")
                             % {"low": minimum if minimum is not None else "",
                                "high": maximum if maximum is not None else ""}, name)
    return value


def json_bool(data: dict, name: str, *, default: Any = _MISSING) -> bool:
    """`true` or `false` only: "false", 0 and null are refused."""
    if name not in data:
        if default is _MISSING:
            raise JSONFieldError(_("bắt buộc."), name)
        return default
    value = data[name]
    if not isinstance(value, bool):
        raise JSONFieldError(_("phải là true hoặc false."), name)
    return value


def json_string(data: dict, name: str, *, default: Any = _MISSING, max_length: int = 10_000,
                ) -> str:
    if name not in data:
        if default is _MISSING:
            raise JSONFieldError(_("bắt buộc."), name)
        return default
    value = data[name]
    if not isinstance(value, str):
        raise JSONFieldError(_("phải là chuỗi."), name)
    if len(value) > max_length:
        raise JSONFieldError(_("dài quá %(count)s ký tự.") % {"count": max_length}, name)
    return value
