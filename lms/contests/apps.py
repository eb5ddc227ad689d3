from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "lms.contests"
    label = "contests"
    verbose_name = _("Cuộc thi ý tưởng khởi nghiệp")
