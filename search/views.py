"""The one search box: results across courses, lessons and library items, and autocomplete."""

from django.shortcuts import render

from lms.units.access import public

from .models import Kind
from .services import search_autocomplete, search_run

PER_PAGE = 20


def _page_number(raw: str) -> int:
    try:
        return min(50, max(1, int(raw)))
    except ValueError:
        return 1


@public
def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("loai", "")
    kind = kind if kind in Kind.values else ""
    page = _page_number(request.GET.get("trang", "1"))
    results = search_run(query, kind=kind or None, page=page, per_page=PER_PAGE) if query else None
    kinds = [(value, label, results.counts.get(value, 0) if results else 0)
             for value, label in Kind.choices]
    return render(request, "search/search_page.html", {
        "query": query,
        "kind": kind,
        "kinds": kinds,
        "results": results,
        "all_count": sum(results.counts.values()) if results else 0,
        "page_number": page,
        "has_next": bool(results and page * PER_PAGE < results.total),
    })


@public
def autocomplete(request):
    """An HTML fragment of up to 8 titles (htmx swaps it under the box; without JS the form
    simply submits to the results page)."""
    query = request.GET.get("q", "").strip()[:100]
    hits = search_autocomplete(query) if len(query) >= 2 else []
    return render(request, "search/autocomplete.html", {"hits": hits, "query": query})
