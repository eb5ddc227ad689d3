from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):  # type: ignore[django-manager-missing]
    """A course programme named in the plans (start-up, STEM, digital skills, ...). A snippet,
    so officers can add one without a release."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=120, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the active language (Vietnamese unless English is chosen)."""
        return self.name_en if get_language() == "en" and self.name_en else self.name
