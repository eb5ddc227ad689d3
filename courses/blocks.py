"""StreamField blocks for lessons: text, media and callouts. Kept small so pages stay light."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.h5p.blocks import H5PBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)
    alt_text = blocks.CharBlock(label=_("Mô tả ảnh (cho người khiếm thị)"), required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh")
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


class QuizBlock(blocks.StructBlock):
    """A quiz drawn from the course's question bank (courses.quizzes). One quiz per lesson: the
    first quiz block of a lesson is the one its link opens. Passing it completes the lesson."""

    title = blocks.CharBlock(label=_("Tên bài kiểm tra"), default=_("Bài kiểm tra"))
    intro = blocks.TextBlock(label=_("Hướng dẫn"), required=False)
    question_count = blocks.IntegerBlock(label=_("Số câu hỏi mỗi lượt"), min_value=1,
                                         default=10)
    tags = blocks.CharBlock(label=_("Chỉ lấy câu hỏi có thẻ"), required=False,
                            help_text=_("Để trống: lấy từ cả ngân hàng câu hỏi của khóa học."))
    time_limit_minutes = blocks.IntegerBlock(label=_("Thời gian (phút, 0 = không giới hạn)"),
                                             min_value=0, default=15)
    attempts_allowed = blocks.IntegerBlock(label=_("Số lượt được làm (0 = không giới hạn)"),
                                           min_value=0, default=3)
    pass_mark = blocks.IntegerBlock(label=_("Điểm đạt (%)"), min_value=0, max_value=100,
                                    default=70)
    show_answers = blocks.BooleanBlock(label=_("Hiện đáp án sau khi nộp"), required=False,
                                       default=True)
    pass_feedback = blocks.TextBlock(label=_("Nhận xét khi đạt"), required=False)
    fail_feedback = blocks.TextBlock(label=_("Nhận xét khi chưa đạt"), required=False)

    class Meta:
        icon = "tasks"
        template = "quizzes/blocks/quiz.html"


class ScormBlock(blocks.StructBlock):
    """A SCORM 1.2 / 2004 e-learning lecture (courses.scorm). Defined here, naming the snippet
    by its label, because courses.scorm sits above courses (it records progress): importing
    its block would make an import cycle. Finishing the package (and passing it, where its
    manifest sets a mastery score) completes the lesson."""

    package = SnippetChooserBlock("scorm.ScormPackage", label=_("Gói SCORM"))
    instructions = blocks.CharBlock(label=_("Hướng dẫn"), required=False)

    class Meta:
        icon = "media"
        label = _("Bài giảng e-learning (SCORM)")
        template = "scorm/block.html"


class LtiToolBlock(blocks.StructBlock):
    """An external LTI 1.3 tool (a simulation, a lab) registered in lms.lti, named by its label
    like the SCORM snippet (lms.lti sits above courses). The learner opens it in a new tab; the
    score the tool sends back (LTI AGS) moves the lesson's progress."""

    tool = SnippetChooserBlock("lti.LtiTool", label=_("Công cụ LTI"))
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False)
    instructions = blocks.CharBlock(label=_("Hướng dẫn"), required=False)

    class Meta:
        icon = "link-external"
        label = _("Công cụ bên ngoài (LTI)")
        template = "lti/block.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề mục"), form_classname="title",
                               template="courses/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Văn bản"),
        features=["bold", "italic", "ol", "ul", "link", "h3", "h4"],
    )
    image = ImageBlock(label=_("Ảnh"))
    video = VideoFileBlock(label=_("Video (tệp)"))
    embed = EmbedBlock(label=_("Video nhúng"), required=False)
    document = DocumentBlock(label=_("Tài liệu"))
    callout = CalloutBlock(label=_("Hộp ghi chú"))
    quote = QuoteBlock(label=_("Trích dẫn"))
    h5p = H5PBlock(label=_("Bài tập tương tác H5P"))
    quiz = QuizBlock(label=_("Bài kiểm tra"))
    scorm = ScormBlock(label=_("Bài giảng e-learning (SCORM)"))
    lti_tool = LtiToolBlock(label=_("Công cụ bên ngoài (LTI)"))
