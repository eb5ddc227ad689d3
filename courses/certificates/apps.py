from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "courses.certificates"
    label = "certificates"
    verbose_name = _("Chứng chỉ")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the signal receivers
