"""Demo library: the five seed plans as PDF documents (made with WeasyPrint once, then reused)
and ten more items. Idempotent; also rebuilds the search index so search works at once."""

import html
from pathlib import Path
from typing import cast

from django.core.files.base import ContentFile

from .demo_content import EXTRA, SEEDS
from .files import library_storage
from .models import Extraction, ItemText, LibraryIndexPage, LibraryItemPage

DEMO_ORDER = 200
# Copies of ../shared/seeds/ (public plans) kept in the repo, so a clone loads them anywhere.
SEED_DIR = Path(__file__).resolve().parent / "demo_seeds"
INTRO = ("<p>Thư viện số miễn phí cho mọi lứa tuổi: sách, văn bản, bài giảng số hóa, tài liệu "
         "tự học. Đọc và tải về không cần tài khoản.</p>")


def _seed_pdf(text: str, title: str) -> bytes:
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()
                         if line.strip())
    document = (f"<html lang='vi'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
                "<style>body{font-family:'DejaVu Sans',sans-serif;font-size:10pt}</style>"
                f"</head><body>{paragraphs}</body></html>")
    return HTML(string=document).write_pdf()


def _library_index(home) -> LibraryIndexPage:
    index = LibraryIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=LibraryIndexPage(title="Thư viện số", slug="thu-vien",
                                                         intro=INTRO))
        index.save_revision().publish()
    return index


def _item(index, slug: str, **fields) -> LibraryItemPage | None:
    if LibraryItemPage.objects.filter(slug=slug).exists():
        return None
    topics = fields.pop("topics")
    item = LibraryItemPage(slug=slug, **fields)
    index.add_child(instance=item)
    item.topics.add(*topics)
    return item


def _publish(item: LibraryItemPage, text: str = "") -> None:
    if item.file:
        # The seed text is the PDF's text: record it as extracted so demo loading does not
        # depend on a worker (extraction itself is tested in tests/library).
        ItemText.objects.update_or_create(item=item, defaults={
            "file_name": cast(str, item.file.name), "status": Extraction.DONE, "progress": 100,
            "text": text})
    item.save_revision().publish()


def build_demo(context) -> None:
    from courses.models import HomePage, Programme
    from search.services import search_reindex_all

    home = HomePage.objects.first()
    programmes = {p.code: p for p in Programme.objects.all()}
    index = _library_index(home)
    for seed in SEEDS:
        path = SEED_DIR / seed["seed"]
        text = path.read_text(encoding="utf-8")
        item = _item(index, seed["slug"], title=seed["title"], summary=seed["summary"],
                     publisher=seed["publisher"], year=seed["year"], item_type="document",
                     programme=programmes.get(seed["programme"]), audience=seed["audience"],
                     licence="public-domain", topics=seed["topics"])
        if item is None:
            continue
        name = f"items/{seed['slug']}/{seed['slug']}.pdf"
        if not library_storage.exists(name):
            library_storage.save(name, ContentFile(_seed_pdf(text, seed["title"])))
        item.file.name = name
        _publish(item, text)
    for slug, title, kind, programme, audience, year, authors, topics, summary in EXTRA:
        item = _item(index, slug, title=title, summary=summary, authors=authors, year=year,
                     item_type=kind, programme=programmes.get(programme), audience=audience,
                     licence="cc-by-sa" if kind != "book" else "permission",
                     allow_download=kind != "book", language="vi", topics=topics)
        if item is not None:
            _publish(item)
    indexed = search_reindex_all()
    context.stdout.write(f"Library: {LibraryItemPage.objects.count()} items; "
                         f"search index: {indexed} pages.")
