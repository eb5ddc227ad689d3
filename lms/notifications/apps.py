from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "lms.notifications"
    label = "notifications"
    verbose_name = _("Thông báo")

    def ready(self):
        from . import events  # noqa: F401  (connects the signal receivers)
