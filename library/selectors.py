"""Reads for the library: faceted browsing (counts per facet) and a learner's reading list."""

from dataclasses import dataclass

from django.db.models import Count, F

from lms.common.query import RENAMED, renamed

from .models import Audience, ItemType, Language, LibraryItemPage, ReadingListEntry

PAGE_SIZE = 20
SORTS = ("relevance", "newest", "most_read")
# facet name → (model field, label map or None)
FACETS = {
    "type": ("item_type", dict(ItemType.choices)),
    "programme": ("programme__code", None),
    "topic": ("tagged_items__tag__slug", None),
    "audience": ("audience", dict(Audience.choices)),
    "language": ("language", dict(Language.choices)),
    "year": ("year", None),
}
# A facet's (or "sort", "page") name in the address: Vietnamese (docs/architecture.md, URLs).
QUERY_NAME = {name: RENAMED[name] for name in (*FACETS, "sort", "page")}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the query string that toggles this value


def _filters(params) -> dict[str, str]:
    found = {name: params.get(QUERY_NAME[name], "").strip() for name in FACETS}
    return {name: value for name, value in found.items() if value}


def _apply(queryset, filters: dict[str, str], skip: str | None = None):
    for name, value in filters.items():
        if name == skip:
            continue
        field = FACETS[name][0]
        if name == "year":
            if not value.isdigit():
                return queryset.none()
            queryset = queryset.filter(year=int(value))
        else:
            queryset = queryset.filter(**{field: value})
    return queryset


def _toggle_query(params: dict[str, str], name: str, value: str) -> str:
    from urllib.parse import urlencode

    new = {k: v for k, v in params.items() if v and k != QUERY_NAME["page"]}
    if new.get(name) == value:
        new.pop(name)
    else:
        new[name] = value
    return urlencode(new)


def _labels(name: str, values) -> dict[str, str]:
    labels = FACETS[name][1]
    if labels is not None:
        return {v: str(labels.get(v, v)) for v in values}
    if name == "programme":
        from courses.models import Programme

        return {p.code: p.label for p in Programme.objects.filter(code__in=values)}
    if name == "topic":
        from taggit.models import Tag

        return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))
    return {v: v for v in values}


def library_browse(index_page, params) -> dict:
    """Items under the library index filtered by the facets in `params` (type, programme, topic,
    audience, language, year) and the text query `q`, with counts per facet value (each facet
    counted with the other facets applied) and the chosen sort."""
    from search.services import search_page_ids

    params = renamed(params)  # links and bookmarks from before the Vietnamese names still work
    filters = _filters(params)
    query = params.get("q", "").strip()[:200]
    sort = params.get(QUERY_NAME["sort"], "")
    if sort not in SORTS:
        sort = "relevance" if query else "newest"
    base = LibraryItemPage.objects.live().public().descendant_of(index_page)
    ranked_ids: list[int] | None = None
    if query:
        ranked_ids = search_page_ids(query, kind="library", limit=2000)
        base = base.filter(pk__in=ranked_ids)

    plain_params = {QUERY_NAME.get(k, k): params.get(QUERY_NAME.get(k, k), "")
                    for k in (*FACETS, "q", "sort")}
    facets = {}
    for name, (field, _labels_map) in FACETS.items():
        rows = (_apply(base, filters, skip=name).exclude(**{f"{field}__isnull": True})
                .values(field).annotate(n=Count("pk", distinct=True)).order_by(field))
        values = [(str(r[field]), r["n"]) for r in rows if r[field] not in ("", None)]
        labels = _labels(name, [v for v, _n in values])
        facets[name] = [FacetValue(v, labels.get(v, v), n, filters.get(name) == v,
                                   _toggle_query(plain_params, QUERY_NAME[name], v))
                         for v, n in values]
    if "year" in facets:
        facets["year"].sort(key=lambda f: f.value, reverse=True)

    items = _apply(base, filters).select_related("programme")
    if sort == "most_read":
        items = items.order_by(F("stats__read_count").desc(nulls_last=True),
                               "-first_published_at")
    elif sort == "newest" or ranked_ids is None:
        items = items.order_by("-year", "-first_published_at")
    total = items.count()
    try:
        page_number = max(1, int(params.get(QUERY_NAME["page"], "1")))
    except ValueError:
        page_number = 1
    # ?page=10**30 would be an OFFSET past bigint (a 500): past the last page is the last page.
    page_number = min(page_number, max(1, -(-total // PAGE_SIZE)))
    start = (page_number - 1) * PAGE_SIZE
    if sort == "relevance" and ranked_ids is not None:
        order = {pk: i for i, pk in enumerate(ranked_ids)}
        wanted = sorted(items.values_list("pk", flat=True), key=lambda pk: order.get(pk, 1e9))
        wanted = wanted[start:start + PAGE_SIZE]
        by_pk = {i.pk: i for i in items.filter(pk__in=wanted)}
        page_items = [by_pk[pk] for pk in wanted if pk in by_pk]
    else:
        page_items = list(items[start:start + PAGE_SIZE])
    sort_name, page_name = QUERY_NAME["sort"], QUERY_NAME["page"]
    sort_links = [(s, _toggle_query({**plain_params, sort_name: ""}, sort_name, s))
                  for s in SORTS]
    return {
        "items": page_items,
        "total": total,
        "facets": facets,
        "filters": filters,
        "filter_params": {QUERY_NAME[name]: value for name, value in filters.items()},
        "query": query,
        "sort": sort,
        "sort_links": sort_links,
        "page_number": page_number,
        "has_next": start + PAGE_SIZE < total,
        "next_query": _toggle_query({**plain_params, page_name: ""}, page_name,
                                    str(page_number + 1)),
        "prev_query": _toggle_query({**plain_params, page_name: ""}, page_name,
                                    str(page_number - 1)),
    }


def reading_entry_for(user, item) -> ReadingListEntry | None:
    if not user.is_authenticated:
        return None
    return ReadingListEntry.objects.filter(user=user, item=item).first()


def reading_list(user) -> list[ReadingListEntry]:
    return list(ReadingListEntry.objects.filter(user=user, item__live=True)
                .select_related("item").order_by("-last_read_at", "-added_at"))
