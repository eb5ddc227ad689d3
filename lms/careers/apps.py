from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "lms.careers"
    label = "careers"
    verbose_name = _("Hướng nghiệp và việc làm")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the outcome signal senders)
