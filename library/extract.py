"""Text extraction from library files: PDF with pypdf, EPUB with ebooklib. Audio and video
have no text (their summary and title are indexed)."""

import re
from collections.abc import Callable, Iterator

MAX_TEXT_CHARS = 400_000  # enough for a long book; search stores at most this much per item
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def pdf_pages(path: str) -> tuple[int, Iterator[str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), (page.extract_text() or "" for page in reader.pages)


def epub_pages(path: str) -> tuple[int, Iterator[str]]:
    import html

    import ebooklib
    from ebooklib import epub

    book = epub.read_epub(path)
    docs = list(book.get_items_of_type(ebooklib.ITEM_DOCUMENT))
    return len(docs), (html.unescape(_TAG.sub(" ", d.get_content().decode("utf-8", "replace")))
                       for d in docs)


def extract_text(path: str, kind: str, progress: Callable[[int], object] | None = None) -> str:
    """The file's text, calling `progress(percent)` as pages are read."""
    if kind == "pdf":
        total, pages = pdf_pages(path)
    elif kind == "epub":
        total, pages = epub_pages(path)
    else:
        return ""
    parts: list[str] = []
    size = 0
    for number, text in enumerate(pages, start=1):
        cleaned = _clean(text)
        parts.append(cleaned)
        size += len(cleaned)
        if progress and total:
            progress(min(99, number * 100 // total))
        if size >= MAX_TEXT_CHARS:
            break
    return "\n".join(parts)[:MAX_TEXT_CHARS]
