"""Query parameters of pages people see: Vietnamese names (docs/architecture.md, URLs), the
English names used before still read so old links and bookmarks keep working."""

# Old name → new name.
RENAMED = {"page": "trang", "unit": "don-vi", "status": "trang-thai", "term": "hoc-ky",
           "target": "chi-tieu", "sort": "sap-xep", "course": "khoa-hoc", "period": "ky"}
_OLD = {new: old for old, new in RENAMED.items()}


def param(query, name: str, default: str = "") -> str:
    """`query[name]` (a QueryDict, e.g. request.GET), else the same value under the parameter's
    old English name, else `default`."""
    if name in query:
        return query.get(name, default)
    old = _OLD.get(name)
    return query.get(old, default) if old else default
