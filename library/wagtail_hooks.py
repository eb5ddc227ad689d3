from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import import_view


@hooks.register("register_admin_urls")
def _library_admin_urls():
    return [path("thu-vien/nhap/", import_view, name="library_import")]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .models import LibraryIndexPage

        index = LibraryIndexPage.objects.first()
        return bool(index and index.permissions_for_user(request.user).can_add_subpage())


@hooks.register("register_admin_menu_item")
def _library_import_menu_item():
    return _ImportMenuItem(_("Nhập tài liệu thư viện"), reverse("library_import"),
                           icon_name="doc-full", order=310)
