"""Index maintenance and the search entry points used by views and the library."""

from django.db import transaction
from wagtail.models import Page

from .backends import get_backend
from .backends.base import Hit, Results
from .documents import entry_data
from .models import Kind, SearchEntry

INDEXED_MODELS = ("courses.CoursePage", "courses.LessonPage", "library.LibraryItemPage")


def search_entry_refresh(page_id: int) -> bool:
    """Upserts the page's entry, or removes it when the page is gone, unpublished, restricted or
    under an unpublished parent. Idempotent. Returns True when the page is indexed."""
    page = Page.objects.filter(pk=page_id).first()
    data = entry_data(page) if page is not None else None
    backend = get_backend()
    if data is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        backend.delete(page_id)
        return False
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(page_id=page_id,
                                                               defaults=data.fields())
    backend.index(entry)
    return True


def _indexed_content_types():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = [apps.get_model(label) for label in INDEXED_MODELS]
    return list(ContentType.objects.get_for_models(*models).values())


def search_subtree_refresh(page_id: int) -> int:
    """Refreshes the page and every indexed page below it (a course and its lessons, the library
    and its items) — publishing, unpublishing, moving or restricting changes them all."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        return 0
    ids = list(Page.objects.descendant_of(page, inclusive=True)
               .filter(content_type__in=_indexed_content_types()).values_list("pk", flat=True))
    return sum(search_entry_refresh(pk) for pk in ids)


def search_reindex_all() -> int:
    """Rebuilds every entry (and the Elasticsearch index when that backend is chosen)."""
    ids = set(Page.objects.filter(content_type__in=_indexed_content_types())
              .values_list("pk", flat=True))
    SearchEntry.objects.exclude(page_id__in=ids).delete()
    indexed = sum(search_entry_refresh(pk) for pk in sorted(ids))
    get_backend().rebuild(SearchEntry.objects.all().iterator())
    return indexed


def search_run(query: str, *, kind: str | None = None, page: int = 1,
               per_page: int = 20) -> Results:
    kind = kind if kind in Kind.values else None
    return get_backend().search(query[:200], kind=kind, offset=(page - 1) * per_page,
                                limit=per_page)


def search_page_ids(query: str, *, kind: str | None = None, limit: int = 1000) -> list[int]:
    return get_backend().ids(query[:200], kind=kind, limit=limit)


def search_autocomplete(query: str, limit: int = 8) -> list[Hit]:
    return get_backend().autocomplete(query[:100], limit=limit)
