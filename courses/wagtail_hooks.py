from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Programme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "list-ul"
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(ProgrammeViewSet)
