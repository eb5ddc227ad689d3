"""SCORM packages in the Wagtail admin: authors upload the zip their authoring tool exported as
a snippet, then place it in lessons with the "Bài giảng e-learning (SCORM)" block."""

from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ScormPackage
from .permissions import package_permission_policy

register_permission_policy(ScormPackage, package_permission_policy(ScormPackage))


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "media"
    list_display = ["title", "version_label", "file_count", "created_at"]
    search_fields = ["title"]
    add_to_admin_menu = True
    menu_order = 311
    panels = [FieldPanel("title"), FieldPanel("upload")]


register_snippet(ScormPackageViewSet)
