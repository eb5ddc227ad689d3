"""External LTI tools as Wagtail snippets: the lesson block "Công cụ bên ngoài (LTI)" chooses
one. Adding or changing a tool needs Django's model permission (superusers by default)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LtiTool


class LtiToolViewSet(SnippetViewSet):
    model = LtiTool
    icon = "link-external"
    list_display = ["name", "client_id", "launch_url", "is_active"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 312
    panels = [FieldPanel("name"), FieldPanel("login_url"), FieldPanel("launch_url"),
              FieldPanel("deep_link_url"), FieldPanel("redirect_uris"), FieldPanel("jwks_url"),
              FieldPanel("is_active")]


register_snippet(LtiToolViewSet)
