"""What each searchable page contributes to the index: one `EntryData` per course, lesson or
library item that is live, public and under live ancestors."""

from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Page

from .fold import nfc_lower, padded, padded_exact
from .models import Kind

MAX_BODY_CHARS = 400_000
HEAD_EXACT_CHARS = 2_000  # how much of the body the exact-phrase bonus reads


@dataclass
class EntryData:
    page_id: int
    kind: str
    title: str
    meta: str
    body: str
    tags: str
    url: str
    popularity: int

    def fields(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title[:255],
            "title_exact": padded_exact(self.title)[:255],
            "title_folded": padded(self.title)[:600],
            "meta": self.meta[:300],
            "body": self.body,
            "head_exact": nfc_lower(self.body[:HEAD_EXACT_CHARS]),
            "text_folded": padded(" ".join((self.title, self.meta, self.tags, self.body))),
            "url": self.url[:500],
            "popularity": self.popularity,
        }


def _strings(value) -> list[str]:
    """Every string inside a StreamField's raw data (rich text, captions, callouts...)."""
    if isinstance(value, str):
        return [strip_tags(value)]
    if isinstance(value, dict):
        return [s for key, v in value.items() if key not in ("id", "type", "kind")
                for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _clip(text: str) -> str:
    return " ".join(text.split())[:MAX_BODY_CHARS]


def is_public(page: Page) -> bool:
    if not page.live:
        return False
    if page.get_ancestors().filter(depth__gt=1, live=False).exists():
        return False
    return not page.get_view_restrictions().exists()


def entry_data(page: Page) -> EntryData | None:
    """The index entry for `page`, or None when it must not appear in search results."""
    from courses.models import CoursePage, LessonPage
    from library.models import LibraryItemPage

    page = page.specific
    if not isinstance(page, CoursePage | LessonPage | LibraryItemPage) or not is_public(page):
        return None
    url = page.get_url() or ""
    if isinstance(page, CoursePage):
        return EntryData(page.pk, Kind.COURSE, page.title, page.programme.label,
                         _clip(f"{strip_tags(page.intro)} {page.audience}"), "", url, 0)
    if isinstance(page, LessonPage):
        course = page.get_parent()
        return EntryData(page.pk, Kind.LESSON, page.title, course.title,
                         _clip(" ".join(_strings(page.body.raw_data))), "", url, 0)
    return _library_entry(page, url)


def _library_entry(item, url: str) -> EntryData:
    from library.models import ItemStats, ItemText

    text = ItemText.objects.filter(item_id=item.pk).values_list("text", flat=True).first() or ""
    reads = (ItemStats.objects.filter(item_id=item.pk).values_list("read_count", flat=True)
             .first() or 0)
    tags = " ".join(tag.name for tag in item.topics.all())
    meta = " · ".join(str(part) for part in (item.get_item_type_display(), item.authors,
                                             item.publisher, item.year) if part)
    body = _clip(f"{item.summary} {item.full_text} {text}")
    return EntryData(item.pk, Kind.LIBRARY, item.title, meta, body, tags, url, reads)
