"""The free digital library: Wagtail pages (LibraryIndexPage → LibraryItemPage) and each
learner's reading list with reading progress."""

from typing import cast

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms.common.slugs import FoldedSlugMixin

from .files import library_storage, library_upload_to, validate_library_file


class ItemType(models.TextChoices):
    BOOK = "book", _("Sách")
    DOCUMENT = "document", _("Văn bản, tài liệu")
    LECTURE = "lecture", _("Bài giảng số hóa")
    GUIDE = "guide", _("Tài liệu tự học")
    WORKSHEET = "worksheet", _("Phiếu học tập")


class Audience(models.TextChoices):
    ALL = "all", _("Mọi lứa tuổi")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("THCS")
    UPPER_SECONDARY = "upper_secondary", _("THPT")
    VOCATIONAL = "vocational", _("Cao đẳng, trung cấp")
    ADULT = "adult", _("Người lớn, học tập suốt đời")
    TEACHER = "teacher", _("Giáo viên, cán bộ")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("CC BY")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA")
    PUBLIC_DOMAIN = "public-domain", _("Phạm vi công cộng")
    PERMISSION = "permission", _("Giữ bản quyền, được phép sử dụng")


class Language(models.TextChoices):
    VI = "vi", _("Tiếng Việt")
    EN = "en", _("Tiếng Anh")
    OTHER = "other", _("Ngôn ngữ khác")


class Extraction(models.TextChoices):
    NONE = "none", _("Chưa có tệp")
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang trích xuất")
    DONE = "done", _("Đã trích xuất")
    FAILED = "failed", _("Lỗi trích xuất")


class LibraryIndexPage(FoldedSlugMixin, Page):
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["library.LibraryItemPage"]
    max_count = 1

    class Meta:
        verbose_name = _("thư viện số")

    def get_context(self, request, *args, **kwargs):
        from .selectors import library_browse

        context = super().get_context(request, *args, **kwargs)
        context.update(library_browse(self, request.GET))
        return context


class LibraryItemTag(TaggedItemBase):
    content_object = ParentalKey("library.LibraryItemPage", on_delete=models.CASCADE,
                                 related_name="tagged_items")


class LibraryItemPage(FoldedSlugMixin, Page):
    summary = models.TextField(_("tóm tắt"), blank=True)
    authors = models.CharField(_("tác giả"), max_length=300, blank=True)
    publisher = models.CharField(_("nhà xuất bản / cơ quan ban hành"), max_length=200,
                                 blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, choices=Language.choices,
                                default=Language.VI)
    item_type = models.CharField(_("loại tài liệu"), max_length=16, choices=ItemType.choices,
                                 default=ItemType.DOCUMENT)
    programme = models.ForeignKey("courses.Programme", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="library_items",
                                  verbose_name=_("chương trình"))
    topics = ClusterTaggableManager(through=LibraryItemTag, blank=True, verbose_name=_("chủ đề"))
    audience = models.CharField(_("đối tượng"), max_length=20, choices=Audience.choices,
                                default=Audience.ALL)
    licence = models.CharField(_("giấy phép"), max_length=16, choices=Licence.choices,
                               default=Licence.CC_BY)
    allow_download = models.BooleanField(
        _("cho phép tải về"), default=True,
        help_text=_("Bỏ chọn nếu giấy phép chỉ cho đọc trực tuyến."))
    cover = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("ảnh bìa"))
    file = models.FileField(_("tệp"), storage=library_storage, upload_to=library_upload_to,
                            max_length=255, blank=True, validators=[validate_library_file])
    full_text = models.TextField(
        _("văn bản bổ sung để tìm kiếm"), blank=True,
        help_text=_("Văn bản trích từ tệp được lưu riêng và tự cập nhật; thêm ở đây nếu tệp "
                    "không có chữ (ví dụ video, bản quét)."))
    # The file name in an import manifest, so re-running an import updates instead of adding.
    import_key = models.CharField(max_length=255, blank=True, db_index=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("authors"), FieldPanel("publisher"), FieldPanel("year"),
                         FieldPanel("language")], heading=_("Thông tin xuất bản")),
        MultiFieldPanel([FieldPanel("item_type"), FieldPanel("programme"), FieldPanel("topics"),
                         FieldPanel("audience")], heading=_("Phân loại")),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("allow_download")],
                        heading=_("Giấy phép")),
        FieldPanel("cover"),
        FieldPanel("file"),
        InlinePanel("more_files", label=_("Tệp khác (EPUB, âm thanh, video…)")),
        FieldPanel("full_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"),
                     index.SearchField("authors")]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("tài liệu thư viện")
        verbose_name_plural = _("tài liệu thư viện")
        indexes = [models.Index(fields=["item_type", "year"], name="library_item_type_year")]

    @property
    def downloadable(self) -> bool:
        return bool(self.file) and self.allow_download

    @property
    def file_extension(self) -> str:
        return _extension(self.file)

    def file_names(self) -> list[str]:
        """Every stored file of the item, main file first: what extraction reads."""
        # A FieldFile is truthy only when it has a name, so these are all str.
        names = [cast(str, self.file.name)] if self.file else []
        return names + [cast(str, extra.file.name) for extra in self.more_files.all() if extra.file]

    def get_context(self, request, *args, **kwargs):
        from .selectors import reading_entry_for

        context = super().get_context(request, *args, **kwargs)
        context["reading"] = reading_entry_for(request.user, self)
        if request.user.is_authenticated and self.permissions_for_user(request.user).can_edit():
            context["extraction"] = ItemText.objects.filter(item_id=self.pk).first()
        return context


def _extension(field_file) -> str:
    import os

    return os.path.splitext(field_file.name)[1].lstrip(".").upper() if field_file else ""


class LibraryItemFile(Orderable):
    """Another file of the same item: the EPUB next to the PDF, a lecture's audio and slides.
    Served, validated and extracted exactly like the main file."""

    item = ParentalKey(LibraryItemPage, on_delete=models.CASCADE, related_name="more_files")
    title = models.CharField(_("tên tệp"), max_length=120,
                             help_text=_("Ví dụ: Bản EPUB, Âm thanh bài 1"))
    file = models.FileField(_("tệp"), storage=library_storage, upload_to=library_upload_to,
                            max_length=255, validators=[validate_library_file])

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp khác")
        verbose_name_plural = _("tệp khác")

    def __str__(self) -> str:
        return self.title

    @property
    def file_extension(self) -> str:
        return _extension(self.file)


class ItemText(models.Model):
    """Text extracted from an item's file, kept outside the page so that publishing an older
    revision neither erases it nor resets the extraction (revisions copy every page field)."""

    item = models.OneToOneField(LibraryItemPage, on_delete=models.CASCADE, related_name="text")
    file_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(_("trích xuất văn bản"), max_length=8, choices=Extraction.choices,
                              default=Extraction.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("văn bản trích xuất")
        verbose_name_plural = _("văn bản trích xuất")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.status} {self.progress}%"


class ItemStats(models.Model):
    """Read and download counts, outside the page for the same reason as ItemText."""

    item = models.OneToOneField(LibraryItemPage, on_delete=models.CASCADE, related_name="stats")
    read_count = models.PositiveIntegerField(_("lượt đọc"), default=0, db_index=True)

    class Meta:
        verbose_name = _("lượt đọc")
        verbose_name_plural = _("lượt đọc")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.read_count}"


class ReadingListEntry(models.Model):
    """One learner's saved item with reading progress; progress only moves forward."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="library_reading_list")
    item = models.ForeignKey(LibraryItemPage, on_delete=models.CASCADE,
                             related_name="reading_entries")
    percent = models.PositiveSmallIntegerField(_("đã đọc (%)"), default=0)
    added_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("danh sách đọc")
        verbose_name_plural = _("danh sách đọc")
        constraints = [
            models.UniqueConstraint(fields=["user", "item"], name="reading_entry_unique"),
            models.CheckConstraint(condition=models.Q(percent__lte=100),
                                   name="reading_entry_percent_lte_100"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.item_id}: {self.percent}%"
