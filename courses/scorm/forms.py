"""The admin form for SCORM packages: the zip upload is validated before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class ScormPackageForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("Tệp gói SCORM (.zip)"), required=False,
        help_text=_("Bài giảng xuất từ iSpring Suite, Adobe Captivate, Articulate… dạng SCORM 1.2 "
                    "hoặc SCORM 2004, tệp imsmanifest.xml ở thư mục gốc của tệp zip."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:  # taken from the manifest when left empty
            self.fields["title"].required = False

    def clean(self):
        from .services import PackageInvalid, scorm_package_validate_upload

        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is None:
            if not getattr(self.instance, "sha256", ""):
                self.add_error("upload", _("Hãy chọn một tệp .zip."))
            return cleaned
        try:
            self._stored = scorm_package_validate_upload(upload)
        except PackageInvalid as exc:
            for message in exc.errors:
                self.add_error("upload", message)
        return cleaned

    def save(self, commit=True):
        from .services import scorm_package_fill

        stored = getattr(self, "_stored", None)
        if stored is not None:
            scorm_package_fill(self.instance, stored,
                               uploaded_by=getattr(self, "for_user", None))
        return super().save(commit=commit)
