from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "lms.api"
    label = "api"
    verbose_name = _("API")

    # lms.api.schema (the OpenAPI authentication extension) is imported by lms.api.urls, which
    # every schema request goes through: not here, so that web workers serving only pages never
    # import DRF and drf-spectacular (issue 18, worker memory).
