from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "lms.notifications"
    label = "notifications"
    verbose_name = _("Thông báo")

    def ready(self):
        from lms.accounts.delivery import transport_set

        from . import receivers  # noqa: F401  (connects the signal receivers)
        from .delivery import account_message_send

        transport_set(account_message_send)  # sign-in codes and resets go through our adapters
