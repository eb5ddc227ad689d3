from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lms.reports"
    label = "reports"
    verbose_name = _("Chỉ tiêu và báo cáo")

    def ready(self):
        from lms.common.generations import generation_keys
        from lms.common.prefetch import prefetch_register
        from lms.units.generations import class_token_keys

        from . import receivers  # noqa: F401  (connects the signal receivers)
        from .dashboard import dashboard_generations

        # The staff pages' generation tokens are read with the session (issue 18).
        prefetch_register("reports:class_view", class_token_keys)
        prefetch_register("reports:class_view_json", class_token_keys)
        prefetch_register("reports:dashboard", lambda kwargs: generation_keys(
            dashboard_generations(kwargs["unit_id"])))
