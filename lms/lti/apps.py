from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lms.lti"
    label = "lti"
    verbose_name = _("Kết nối LTI 1.3")

    def ready(self):
        from . import receivers  # noqa: F401  (lesson completions → grade passback)
