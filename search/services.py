"""Index maintenance and the search entry points used by views and the library."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from lms.common.text import nfc_lower

from .backends import get_backend
from .backends.base import Hit, Results
from .documents import entry_data
from .generation import index_changed, index_generation
from .models import Kind, SearchEntry, SearchWord

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
        transaction.on_commit(index_changed)
        return False
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(page_id=page_id,
                                                               defaults=data.fields())
        search_words_add(entry.title_folded)
    backend.index(entry)
    transaction.on_commit(index_changed)
    return True


def search_words_add(title_folded: str) -> None:
    """Adds the title's words to the "did you mean" vocabulary (a word no title uses any more
    stays until the next full reindex: it can only suggest a query that finds nothing, which
    the search then does not offer)."""
    found = {word for word in title_folded.split() if 1 < len(word) <= 100}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in found],
                                   ignore_conflicts=True)


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
        transaction.on_commit(index_changed)
        return 0
    ids = list(Page.objects.descendant_of(page, inclusive=True)
               .filter(content_type__in=_indexed_content_types()).values_list("pk", flat=True))
    return sum(search_entry_refresh(pk) for pk in ids)


def search_reindex_all() -> int:
    """Rebuilds every entry (and the Elasticsearch index when that backend is chosen)."""
    ids = set(Page.objects.filter(content_type__in=_indexed_content_types())
              .values_list("pk", flat=True))
    SearchEntry.objects.exclude(page_id__in=ids).delete()
    SearchWord.objects.all().delete()
    indexed = sum(search_entry_refresh(pk) for pk in sorted(ids))
    get_backend().rebuild(SearchEntry.objects.all().iterator())
    return indexed


def search_run(query: str, *, kind: str | None = None, page: int = 1,
               per_page: int = 20) -> Results:
    """Results are cached per published-content version (any publish starts afresh), so a
    popular query costs one cache read; HOCMO_SEARCH_CACHE_SECONDS = 0 turns that off."""
    kind = kind if kind in Kind.values else None
    query = query[:200]
    seconds = settings.HOCMO_SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return get_backend().search(query, kind=kind, offset=(page - 1) * per_page,
                                    limit=per_page)
    from lms.pagecache.versioning import content_version

    digest = hashlib.sha256(nfc_lower(" ".join(query.split())).encode()).hexdigest()[:32]
    generation = index_generation()
    key = (f"search:results:{content_version()}:{generation}:{kind}:{page}:{per_page}:"
           f"{digest}")
    results = cache.get(key)
    if results is None:
        results = get_backend().search(query, kind=kind, offset=(page - 1) * per_page,
                                       limit=per_page)
        cache.set(key, results, seconds)
    return results


def search_page_ids(query: str, *, kind: str | None = None, limit: int = 1000) -> list[int]:
    return get_backend().ids(query[:200], kind=kind, limit=limit)


def search_autocomplete(query: str, limit: int = 8) -> list[Hit]:
    return get_backend().autocomplete(query[:100], limit=limit)
