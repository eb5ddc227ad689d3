from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "courses.scorm"
    label = "scorm"
    verbose_name = _("Bài giảng e-learning SCORM")
