from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Khóa học")

    def ready(self) -> None:
        from lms.common.prefetch import prefetch_register
        from lms.units.generations import class_token_keys

        from . import receivers, search_documents  # noqa: F401  (receivers: connects them)

        search_documents.register()
        # The class view's generation tokens are read with the session (issue 18).
        prefetch_register("courses:class_detail", class_token_keys)
