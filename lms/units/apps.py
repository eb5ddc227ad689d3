from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "lms.units"
    label = "units"
    verbose_name = _("Đơn vị")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (per-class generations follow saves)
