from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClubsConfig(AppConfig):
    name = "lms.clubs"
    label = "clubs"
    verbose_name = _("Câu lạc bộ khởi nghiệp")

    def ready(self):
        # The officer dashboard shows this feature's panel; reports never imports the feature.
        from lms.reports.panels import dashboard_panel_register

        from .panels import club_dashboard_panel

        dashboard_panel_register("clubs", club_dashboard_panel, order=10)
