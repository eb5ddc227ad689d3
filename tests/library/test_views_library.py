"""Public browsing and downloads, the reading list, and the forbidden paths."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from library.models import ItemStats, ReadingListEntry
from tests.factories import UserFactory, library_index, library_item, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return library_item("Kế hoạch Đồng Nai 2025", file_name="ke-hoach.pdf",
                        file_bytes=pdf_bytes(), item_type="document", year=2025,
                        topics=("kế hoạch",), licence="public-domain")


def test_anyone_downloads_a_file_as_an_attachment_with_nosniff(client, plan):
    response = client.get(reverse("library:item_file", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert ItemStats.objects.get(item=plan).read_count == 1


def test_pdf_may_be_read_inline(client, plan):
    response = client.get(reverse("library:item_file", args=[plan.pk]), {"xem": "1"})
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_epub_is_never_inline(client, tmp_path):
    from tests.library.test_services_extraction import _epub_bytes

    item = library_item("Sách EPUB", file_name="sach.epub", file_bytes=_epub_bytes(tmp_path))
    response = client.get(reverse("library:item_file", args=[item.pk]), {"xem": "1"})
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/epub+zip"


def test_read_only_licence_refuses_download_but_allows_reading(client):
    item = library_item("Sách giữ bản quyền", file_name="sach.pdf", file_bytes=pdf_bytes(),
                        licence="permission", allow_download=False)
    url = reverse("library:item_file", args=[item.pk])
    assert client.get(url).status_code == 403
    assert client.get(url, {"xem": "1"}).status_code == 200
    page = client.get(item.url).content.decode()
    assert "Đọc trực tuyến" in page and "Tải về" not in page


def test_unpublished_or_restricted_files_are_404(client, plan):
    restricted = library_item("Nội bộ", file_name="noi-bo.pdf", file_bytes=pdf_bytes())
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert client.get(reverse("library:item_file", args=[restricted.pk])).status_code == 404
    plan.unpublish()
    assert client.get(reverse("library:item_file", args=[plan.pk])).status_code == 404


def test_library_page_facets_and_counts(client, plan):
    library_item("Sổ tay khởi nghiệp", item_type="guide", year=2022, topics=("khởi nghiệp",))
    library_item("Phiếu học tập Canvas", item_type="worksheet", year=2022,
                 topics=("khởi nghiệp",))
    index = library_index()
    index.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert "3 tài liệu" in html
    assert "Phiếu học tập</a> <span class=\"n\">(1)</span>" in html
    assert "2022</a> <span class=\"n\">(2)</span>" in html
    from taggit.models import Tag

    slug = Tag.objects.get(name="khởi nghiệp").slug
    filtered = client.get(index.url, {"year": "2022", "topic": slug}).content.decode()
    assert "2 tài liệu" in filtered and "Kế hoạch Đồng Nai 2025</a>" not in filtered
    assert client.get(index.url, {"year": "abc"}).content.decode().count("0 tài liệu") == 1
    # Vietnamese parameter names (issue 17), in the links too; the old names above still work.
    filtered = client.get(index.url, {"nam": "2022", "chu-de": slug}).content.decode()
    assert "2 tài liệu" in filtered and "Kế hoạch Đồng Nai 2025</a>" not in filtered
    assert 'name="nam" value="2022"' in filtered and "sap-xep=" in filtered
    assert "loai=guide" in filtered and "type=guide" not in filtered


def test_library_search_box_ranks_with_the_search_index(client, plan):
    from search.services import search_reindex_all

    library_item("Sổ tay khởi nghiệp", item_type="guide")
    search_reindex_all()
    html = client.get(library_index().url, {"q": "DONG NAI"}).content.decode()
    assert "1 tài liệu" in html and "Kế hoạch Đồng Nai 2025</a>" in html


def test_reading_list_needs_sign_in_and_post(client, plan):
    url = reverse("library:reading_list_toggle", args=[plan.pk])
    assert client.post(url).status_code == 302 and not ReadingListEntry.objects.exists()
    user = UserFactory()
    client.force_login(user)
    assert client.get(url).status_code == 405
    client.post(url)
    assert ReadingListEntry.objects.filter(user=user, item=plan).count() == 1
    client.post(url)  # idempotent
    assert ReadingListEntry.objects.filter(user=user, item=plan).count() == 1
    mine = client.get(reverse("library:my_reading_list")).content.decode()
    assert "Kế hoạch Đồng Nai 2025" in mine
    client.post(url, {"action": "remove"})
    assert not ReadingListEntry.objects.exists()


def test_reading_progress_never_goes_backwards_and_rejects_bad_input(client, plan):
    user = UserFactory()
    client.force_login(user)
    url = reverse("library:reading_progress", args=[plan.pk])
    client.post(url, {"percent": "60"})
    client.post(url, {"percent": "20"})
    assert ReadingListEntry.objects.get(user=user).percent == 60
    bad = client.post(url, {"percent": "150"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and "percent" in bad.json()["fields"]
    ok = client.post(url, {"percent": "80"}, HTTP_ACCEPT="application/json")
    assert ok.json() == {"item": plan.pk, "percent": 80}


def test_reading_list_of_a_restricted_item_is_404(client):
    item = library_item("Nội bộ")
    PageViewRestriction.objects.create(page=item, restriction_type="login")
    client.force_login(UserFactory())
    assert client.post(reverse("library:reading_list_toggle", args=[item.pk])).status_code == 404


def test_extraction_status_only_for_editors(client, plan):
    url = reverse("library:extraction_status", args=[plan.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).json()["status"] in ("pending", "running", "done")


def test_item_page_shows_metadata_and_actions(client, plan):
    html = client.get(plan.url).content.decode()
    assert "Phạm vi công cộng" in html and "Tải về (PDF)" in html
    assert reverse("library:item_file", args=[plan.pk]) in html


def test_admin_add_form_accepts_a_validated_file_upload(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    index = library_index()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/pages/add/library/libraryitempage/{index.pk}/"
    assert client.get(url).status_code == 200
    base = {"title": "Tệp giả", "slug": "tep-gia", "language": "vi", "item_type": "document",
            "audience": "all", "licence": "cc-by", "allow_download": "on",
            "tagged_items-TOTAL_FORMS": "0", "tagged_items-INITIAL_FORMS": "0",
            "more_files-TOTAL_FORMS": "0", "more_files-INITIAL_FORMS": "0"}
    fake = SimpleUploadedFile("gia.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(url, {**base, "file": fake})
    assert response.status_code == 200  # the form comes back with the error
    assert "PDF, EPUB" in response.content.decode()
    real = SimpleUploadedFile("that.pdf", pdf_bytes())
    client.post(url, {**base, "title": "Tệp thật", "slug": "tep-that", "file": real,
                      "action-publish": "publish"})
    from library.models import LibraryItemPage

    item = LibraryItemPage.objects.get(slug="tep-that")
    assert item.live and item.file.name.endswith("that.pdf")
