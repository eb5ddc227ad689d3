"""Occupation profiles are edited in the Wagtail admin (drafts, revisions, publish)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Occupation


class OccupationViewSet(SnippetViewSet):
    model = Occupation
    icon = "user"
    list_display = ["title", "riasec_code", "wage_min", "wage_max"]
    search_fields = ["title", "summary"]
    add_to_admin_menu = True
    menu_order = 320


register_snippet(OccupationViewSet)
