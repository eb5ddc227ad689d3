"""The question bank in the Wagtail admin (Snippets → Ngân hàng câu hỏi), filterable by course,
type and difficulty."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Ngân hàng câu hỏi")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["text", "course", "qtype", "difficulty", "tags"]
    list_filter = ["course", "qtype", "difficulty"]
    search_fields = ["text", "tags"]


register_snippet(QuestionViewSet)
