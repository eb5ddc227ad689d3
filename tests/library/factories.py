"""Library test data: the library page, items with files, real PDFs."""

from tests.courses.factories import course_index


def library_index():
    """The digital library page under the site's HomePage, created once per database."""
    from library.models import LibraryIndexPage

    index = LibraryIndexPage.objects.first()
    if index:
        return index
    home = course_index().get_parent()
    return home.add_child(instance=LibraryIndexPage(title="Thư viện số", slug="thu-vien"))


def library_item(title: str = "Sổ tay khởi nghiệp", *, file_name: str | None = None,
                 file_bytes: bytes | None = None, topics: tuple[str, ...] = (), publish=True,
                 **fields):
    """A published library item; with `file_bytes` its file is saved in library storage."""
    from django.core.files.base import ContentFile
    from django.utils.text import slugify

    from library.models import LibraryItemPage

    index = library_index()
    from lms.common.text import vn_fold

    fields.setdefault("slug", slugify(vn_fold(title))[:60]
                      or f"tai-lieu-{LibraryItemPage.objects.count()}")
    item = index.add_child(instance=LibraryItemPage(title=title, **fields))
    if file_bytes is not None:
        item.file.save(file_name or "tai-lieu.pdf", ContentFile(file_bytes), save=False)
    if topics:
        item.topics.add(*topics)
    revision = item.save_revision()
    if publish:
        revision.publish()
    item.refresh_from_db()
    return item


def pdf_bytes(text: str = "Khởi nghiệp đổi mới sáng tạo ở Đồng Nai") -> bytes:
    """A real PDF (WeasyPrint) whose text pypdf can extract."""
    import html

    from weasyprint import HTML

    return HTML(string=f"<html lang='vi'><meta charset='utf-8'><body><p>{html.escape(text)}</p>"
                       "</body></html>").write_pdf()
