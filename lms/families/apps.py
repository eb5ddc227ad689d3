from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    name = "lms.families"
    label = "families"
    verbose_name = _("Phụ huynh và tin lớp")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (a class-stream post meant for parents)
