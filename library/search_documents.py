"""What a library item contributes to the search index (registered with `search` in
LibraryConfig.ready())."""

from search.documents import EntryData, clip
from search.models import Kind

from .models import ItemStats, ItemText


def item_entry(item) -> EntryData:
    url = item.get_url() or ""
    text = ItemText.objects.filter(item_id=item.pk).values_list("text", flat=True).first() or ""
    reads = (ItemStats.objects.filter(item_id=item.pk).values_list("read_count", flat=True)
             .first() or 0)
    tags = " ".join(tag.name for tag in item.topics.all())
    meta = " · ".join(str(part) for part in (item.get_item_type_display(), item.authors,
                                             item.publisher, item.year) if part)
    body = clip(f"{item.summary} {item.full_text} {text}")
    return EntryData(item.pk, Kind.LIBRARY, item.title, meta, body, tags, url, reads)


def register() -> None:
    from search.documents import register

    from .models import LibraryItemPage

    register(LibraryItemPage, item_entry)
