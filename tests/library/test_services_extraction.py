"""Text extraction (pypdf, ebooklib) through the Celery task, then into the search index."""

import pytest

from library.models import Extraction, ItemText
from library.services import library_item_extract_text, library_item_file_published
from search.models import SearchEntry
from search.services import search_run
from tests.factories import library_item, pdf_bytes

pytestmark = pytest.mark.django_db


def _epub_bytes(tmp_path) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("hocmo-1")
    book.set_title("Sổ tay nuôi cá")
    book.set_language("vi")
    chapter = epub.EpubHtml(title="Chương 1", file_name="c1.xhtml", lang="vi")
    chapter.content = "<h1>Chương 1</h1><p>Nuôi cá rô phi trong ao đất ở Thái Bình.</p>"
    book.add_item(chapter)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    path = tmp_path / "so-tay.epub"
    epub.write_epub(str(path), book)
    return path.read_bytes()


def test_pdf_text_is_extracted_and_becomes_searchable():
    item = library_item("Kế hoạch năm 2025", file_name="ke-hoach.pdf",
                        file_bytes=pdf_bytes("Đào tạo nhân lực công nghệ cao tỉnh Đồng Nai"))
    assert library_item_extract_text(item.pk) == Extraction.DONE
    text = ItemText.objects.get(item=item)
    assert "công nghệ cao" in text.text
    assert (text.status, text.progress, text.file_name) == ("done", 100, item.file.name)
    entry = SearchEntry.objects.get(page_id=item.pk)
    assert " cong nghe cao " in entry.text_folded
    assert [h.page_id for h in search_run("cong nghe cao dong nai").hits] == [item.pk]


def test_extraction_is_idempotent():
    item = library_item("Kế hoạch", file_name="ke-hoach.pdf", file_bytes=pdf_bytes())
    library_item_extract_text(item.pk)
    assert library_item_extract_text(item.pk) == "unchanged"


def test_epub_text_is_extracted(tmp_path):
    item = library_item("Sổ tay nuôi cá", file_name="so-tay.epub",
                        file_bytes=_epub_bytes(tmp_path))
    assert library_item_extract_text(item.pk) == Extraction.DONE
    assert "cá rô phi" in ItemText.objects.get(item=item).text


def test_a_broken_pdf_is_recorded_as_failed_not_retried_forever():
    item = library_item("Hỏng", file_name="hong.pdf", file_bytes=pdf_bytes()[:400])
    assert library_item_extract_text(item.pk) == Extraction.FAILED
    text = ItemText.objects.get(item=item)
    assert text.status == "failed" and text.error


def test_publishing_queues_extraction_only_when_the_file_changed():
    item = library_item("Kế hoạch", file_name="ke-hoach.pdf", file_bytes=pdf_bytes())
    # The publish in the factory queued it (on commit); record it as done, then publish again.
    library_item_extract_text(item.pk)
    assert library_item_file_published(item) is False
    ItemText.objects.filter(item=item).update(file_name="cu.pdf")
    assert library_item_file_published(item) is True
    assert ItemText.objects.get(item=item).status == "pending"


@pytest.mark.django_db(transaction=True)
def test_publish_runs_the_extraction_task_and_shows_progress(settings):
    """The whole path through Celery: eager here, the real worker in CI (hence the polling).
    The file goes where the worker process looks (the default root), not into tmp_path."""
    import time

    settings.HOCMO_LIBRARY_FILES_ROOT = ""

    item = library_item("Kế hoạch giảm nghèo", file_name="giam-ngheo.pdf",
                        file_bytes=pdf_bytes("Sinh kế cho hộ nghèo và cận nghèo"))
    deadline = time.monotonic() + 30
    text = None
    while time.monotonic() < deadline:
        text = ItemText.objects.filter(item_id=item.pk).first()
        if text and text.status == "done":
            break
        time.sleep(0.2)
    assert text is not None and text.status == "done" and text.progress == 100
    assert "hộ nghèo" in text.text
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not search_run("ho ngheo").total:
        time.sleep(0.2)
    assert [h.page_id for h in search_run("ho ngheo").hits] == [item.pk]
