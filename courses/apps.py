from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Khóa học")

    def ready(self) -> None:
        from . import receivers, search_documents  # noqa: F401  (receivers: connects them)

        search_documents.register()
