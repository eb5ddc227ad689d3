"""The lesson block that places an H5P activity in a lesson, with the pass mark that turns its
xAPI score into a completed lesson."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class H5PBlock(blocks.StructBlock):
    content = SnippetChooserBlock("h5p.H5PContent", label=_("Nội dung H5P"))
    pass_mark = blocks.IntegerBlock(
        label=_("Điểm đạt (%)"), min_value=0, max_value=100, default=0, required=False,
        help_text=_("0: bài hoàn thành khi học viên làm xong. Từ 1 đến 100: cần đạt tỉ lệ điểm "
                    "này."))
    instructions = blocks.CharBlock(label=_("Hướng dẫn"), required=False)

    class Meta:
        icon = "form"
        label = _("Bài tập tương tác H5P")
        template = "h5p/block.html"
