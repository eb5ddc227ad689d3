"""Integration clients: an OAuth2 application (django-oauth-toolkit, client-credentials grant)
scoped to one unit subtree, read-only or read/write.

Each client acts through its own service account holding an officer Role at its unit, so the
API applies exactly the same role × subtree rules (lms/units/permissions.py) as the pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiClient(models.Model):
    application = models.OneToOneField("oauth2_provider.Application", on_delete=models.CASCADE,
                                       related_name="hocmo_client")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị"))
    service_user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                        related_name="api_client")
    can_write = models.BooleanField(_("được ghi"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ứng dụng tích hợp")
        verbose_name_plural = _("ứng dụng tích hợp")

    def __str__(self) -> str:
        return f"{self.application.name} @ {self.unit}"
