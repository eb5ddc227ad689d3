from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Thư viện số")

    def ready(self):
        from . import receivers, search_documents  # noqa: F401  (receivers: connects them)

        search_documents.register()
