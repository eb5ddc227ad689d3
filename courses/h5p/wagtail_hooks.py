"""H5P content in the Wagtail admin: authors upload .h5p packages as snippets, then place them
in lessons with the "Bài tập tương tác H5P" block."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import H5PContent


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "form"
    list_display = ["title", "package", "created_at"]
    search_fields = ["title"]
    add_to_admin_menu = True
    menu_order = 310
    panels = [FieldPanel("title"), FieldPanel("upload")]


register_snippet(H5PContentViewSet)
