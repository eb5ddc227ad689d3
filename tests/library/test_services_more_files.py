"""An item may carry more files than its main one (the EPUB beside the PDF, a lecture's audio):
each is served like the main file, and the text of all of them is extracted for search."""

import pytest
from django.core.files.base import ContentFile

from library.models import Extraction, ItemText, LibraryItemFile
from library.services import library_item_extract_text
from search.models import SearchEntry
from tests.factories import library_item, pdf_bytes

from .test_services_extraction import _epub_bytes

pytestmark = pytest.mark.django_db


def _with_epub(item, tmp_path, title="Bản EPUB"):
    extra = LibraryItemFile(item=item, title=title)
    extra.file.save("so-tay.epub", ContentFile(_epub_bytes(tmp_path)), save=False)
    extra.save()
    return extra


def test_text_of_every_file_is_extracted_and_a_new_file_extracts_again(tmp_path):
    item = library_item("Sổ tay nuôi trồng", file_name="so-tay.pdf",
                        file_bytes=pdf_bytes("Trồng rau sạch trong nhà lưới"))
    assert library_item_extract_text(item.pk) == Extraction.DONE
    assert "nhà lưới" in ItemText.objects.get(item=item).text
    _with_epub(item, tmp_path)
    assert library_item_extract_text(item.pk) == Extraction.DONE  # the file set changed
    text = ItemText.objects.get(item=item)
    assert "nhà lưới" in text.text and "cá rô phi" in text.text
    assert text.file_name.count("|") == 1
    assert " ca ro phi " in SearchEntry.objects.get(page_id=item.pk).text_folded
    assert library_item_extract_text(item.pk) == "unchanged"


def test_more_file_is_served_as_attachment_with_nosniff_and_only_for_its_item(tmp_path, client):
    item = library_item("Sổ tay có EPUB", file_name="a.pdf", file_bytes=pdf_bytes())
    other = library_item("Tài liệu khác", file_name="b.pdf", file_bytes=pdf_bytes())
    extra = _with_epub(item, tmp_path)
    response = client.get(f"/thu-vien/tep/{item.pk}/{extra.pk}/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/epub+zip"
    assert client.get(f"/thu-vien/tep/{other.pk}/{extra.pk}/").status_code == 404
    page = client.get(item.url).content.decode()
    assert "Bản EPUB" in page and f"/thu-vien/tep/{item.pk}/{extra.pk}/" in page


def test_more_file_of_an_unpublished_item_is_not_served(tmp_path, client):
    item = library_item("Bản nháp", file_name="c.pdf", file_bytes=pdf_bytes())
    extra = _with_epub(item, tmp_path)
    item.unpublish()
    assert client.get(f"/thu-vien/tep/{item.pk}/{extra.pk}/").status_code == 404
