"""Query parameters of pages people see: Vietnamese names (docs/architecture.md, URLs), the
English names used before still read so old links and bookmarks keep working."""

# Old name → new name.
RENAMED = {"page": "trang", "unit": "don-vi", "status": "trang-thai", "term": "hoc-ky",
           "target": "chi-tieu", "sort": "sap-xep", "course": "khoa-hoc", "period": "ky",
           "province": "tinh", "district": "huyen-xa", "school": "truong", "field": "linh-vuc",
           "programme": "chuong-trinh", "type": "loai", "topic": "chu-de", "audience": "doi-tuong",
           "language": "ngon-ngu", "year": "nam"}
_OLD = {new: old for old, new in RENAMED.items()}


def param(query, name: str, default: str = "") -> str:
    """`query[name]` (a QueryDict, e.g. request.GET), else the same value under the parameter's
    old English name, else `default`."""
    if name in query:
        return query.get(name, default)
    old = _OLD.get(name)
    return query.get(old, default) if old else default


def renamed(query):
    """A mutable copy of `query` where a value given under an old English name is moved to the
    new name (unless the new name is given too), for forms bound to the query string."""
    copy = query.copy()
    for old, new in RENAMED.items():
        if old in copy:
            values = copy.pop(old)
            if new not in copy:
                copy.setlist(new, values)
    return copy
