from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "courses.scorm"
    label = "scorm"
    verbose_name = _("Bài giảng e-learning SCORM")

    def ready(self):
        # A course download lists the SCORM package files too (issue 22, lms/offline/sources.py).
        from lms.offline.sources import download_source_register

        from .offline import scorm_lesson_files

        download_source_register(scorm_lesson_files)
