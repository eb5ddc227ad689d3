from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5pConfig(AppConfig):
    name = "courses.h5p"
    label = "h5p"
    verbose_name = _("Nội dung tương tác H5P")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the content origin checks)
