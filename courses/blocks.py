"""StreamField blocks for lessons: text, media and callouts. Kept small so pages stay light."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)
    alt_text = blocks.CharBlock(label=_("Mô tả ảnh (cho người khiếm thị)"), required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class VideoFileBlock(blocks.StructBlock):
    """A video uploaded as a document, played with the native <video> element (no JS)."""

    video = DocumentChooserBlock(label=_("Tệp video (MP4/WebM)"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video_file.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    description = blocks.CharBlock(label=_("Mô tả"), required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Mẹo")), ("note", _("Ghi chú")), ("warning", _("Lưu ý"))],
        default="note", label=_("Loại"),
    )
    text = blocks.TextBlock(label=_("Nội dung"))

    class Meta:
        icon = "help"
        template = "courses/blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Nguồn"), required=False)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề mục"), form_classname="title",
                               template="courses/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Văn bản"),
        features=["bold", "italic", "ol", "ul", "link", "h3", "h4"],
    )
    image = ImageBlock()
    video = VideoFileBlock(label=_("Video (tệp)"))
    embed = EmbedBlock(label=_("Video nhúng"), required=False)
    document = DocumentBlock(label=_("Tài liệu"))
    callout = CalloutBlock(label=_("Hộp ghi chú"))
    quote = QuoteBlock(label=_("Trích dẫn"))
