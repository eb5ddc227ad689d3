"""H5P storage records. Files live under H5P_ROOT: packages by content hash, libraries by
machineName-major.minor.patch, so a package uploaded twice and a library used by many
packages are each stored once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import H5PContentForm


class H5PLibrary(models.Model):
    machine_name = models.CharField(_("tên thư viện"), max_length=127)
    major_version = models.PositiveIntegerField()
    minor_version = models.PositiveIntegerField()
    patch_version = models.PositiveIntegerField()
    title = models.CharField(_("tiêu đề"), max_length=255)
    runnable = models.BooleanField(default=False)
    definition = models.JSONField(_("library.json"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thư viện H5P")
        verbose_name_plural = _("thư viện H5P")
        # Held by platform administrators only (courses/h5p/permissions.py).
        permissions = [("install_library", _("Cài đặt hoặc nâng cấp thư viện H5P"))]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version", "patch_version"],
                name="h5p_library_version_unique"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        return (f"{self.machine_name}-{self.major_version}.{self.minor_version}."
                f"{self.patch_version}")

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        """The folder name the player asks for (machineName-major.minor)."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PPackage(models.Model):
    """One unpacked package, keyed by the SHA-256 of the uploaded file."""

    sha256 = models.CharField(max_length=64, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=255)
    main_library = models.ForeignKey(H5PLibrary, on_delete=models.PROTECT, related_name="+")
    libraries = models.ManyToManyField(H5PLibrary, related_name="packages")
    manifest = models.JSONField(_("h5p.json"))
    size_bytes = models.PositiveBigIntegerField(default=0)
    file_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gói H5P")
        verbose_name_plural = _("gói H5P")

    def __str__(self) -> str:
        return f"{self.title} ({self.sha256[:10]})"


class H5PContent(models.Model):
    """What authors pick in a lesson: a titled H5P activity backed by a stored package."""

    title = models.CharField(_("tiêu đề"), max_length=255)
    package = models.ForeignKey(H5PPackage, on_delete=models.PROTECT, related_name="contents",
                                verbose_name=_("gói H5P"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nội dung H5P")
        verbose_name_plural = _("nội dung H5P")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    # The admin form takes the .h5p upload and validates it before anything is stored.
    base_form_class = H5PContentForm
