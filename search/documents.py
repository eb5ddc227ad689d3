"""What each searchable page contributes to the index: one `EntryData` per page of a registered
type (courses, lessons, library items: see `register`) that is live, public and under live
ancestors."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Page

from lms.common.text import nfc_lower, padded, padded_exact

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


def stream_strings(value) -> list[str]:
    """Every string inside a StreamField's raw data (rich text, captions, callouts...)."""
    if isinstance(value, str):
        return [strip_tags(value)]
    if isinstance(value, dict):
        return [s for key, v in value.items() if key not in ("id", "type", "kind")
                for s in stream_strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in stream_strings(v)]
    return []


def clip(text: str) -> str:
    return " ".join(text.split())[:MAX_BODY_CHARS]


def is_public(page: Page) -> bool:
    if not page.live:
        return False
    if page.get_ancestors().filter(depth__gt=1, live=False).exists():
        return False
    return not page.get_view_restrictions().exists()


def register(model: type, builder: Callable[[Page], EntryData]) -> None:
    """Makes pages of `model` searchable: `builder(page)` gives the entry of a live, public page.
    Each app registers its own pages in its AppConfig.ready() (search imports no other app)."""
    _builders[model] = builder


def entry_data(page: Page) -> EntryData | None:
    """The index entry for `page`, or None when it must not appear in search results."""
    page = page.specific
    builder = next((b for model, b in _builders.items() if isinstance(page, model)), None)
    if builder is None or not is_public(page):
        return None
    return builder(page)


_builders: dict[type, Callable[[Page], EntryData]] = {}
