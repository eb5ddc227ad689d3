from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "lms.recognition"
    label = "recognition"
    verbose_name = _("Công dân học tập")
