"""Interaction activity definitions (xAPI 1.0.3 Data 2.4.4.1, unchanged in 2.0): the
interactionType vocabulary, and the interaction component lists that only make sense with one.
Kept apart from validation.py, which handles the statement as a whole."""

from django.utils.translation import gettext as _

INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching",
                     "performance", "sequencing", "likert", "numeric", "other"}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")


def check_interaction(definition: dict, path: str, *, invalid, language_map) -> None:
    """`invalid(path, message)` builds the exception; `language_map(value, path)` checks one."""
    used = [key for key in ("correctResponsesPattern", *COMPONENT_LISTS) if key in definition]
    if "interactionType" not in definition:
        if used:
            raise invalid(f"{path}.interactionType",
                          _("bắt buộc khi có %(key)s.") % {"key": used[0]})
        return
    kind = definition["interactionType"]
    if not isinstance(kind, str) or kind not in INTERACTION_TYPES:  # a list is unhashable
        raise invalid(f"{path}.interactionType",
                      _("phải là một trong: %(types)s.")
                      % {"types": ", ".join(sorted(INTERACTION_TYPES))})
    if "correctResponsesPattern" in definition:
        pattern = definition["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(p, str) for p in pattern):
            raise invalid(f"{path}.correctResponsesPattern", _("phải là danh sách chuỗi."))
    for key in COMPONENT_LISTS:
        if key in definition:
            _components(definition[key], f"{path}.{key}", invalid, language_map)


def _components(items, path: str, invalid, language_map) -> None:
    if not isinstance(items, list):
        raise invalid(path, _("phải là danh sách thành phần tương tác."))
    seen = set()
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        if not isinstance(item, dict):
            raise invalid(where, _("phải là một đối tượng JSON."))
        extra = sorted(set(item) - {"id", "description"})
        if extra:
            raise invalid(f"{where}.{extra[0]}", _("thuộc tính không có trong đặc tả xAPI."))
        if not isinstance(item.get("id"), str) or not item["id"]:
            raise invalid(f"{where}.id", _("phải là chuỗi không rỗng."))
        if item["id"] in seen:
            raise invalid(f"{where}.id", _("trùng id với một thành phần khác trong danh sách."))
        seen.add(item["id"])
        if "description" in item:
            language_map(item["description"], f"{where}.description")
