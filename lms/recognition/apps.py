from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "lms.recognition"
    label = "recognition"
    verbose_name = _("Công dân học tập")

    def ready(self):
        # The officer dashboard shows this feature's panel; reports never imports the feature.
        from lms.reports.dashboard import EVERYTHING
        from lms.reports.panels import dashboard_panel_register

        from . import receivers  # noqa: F401  (connects the signal receivers)
        from .generations import RECOGNITION_GENERATION
        from .panels import recognition_dashboard_panel

        dashboard_panel_register("recognition", recognition_dashboard_panel, order=20,
                                 generations=(EVERYTHING, RECOGNITION_GENERATION))
