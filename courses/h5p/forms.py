"""The admin form for H5P content: the .h5p upload is validated before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class H5PContentForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("Tệp .h5p"), required=False,
        help_text=_("Gói H5P xuất từ Lumi hoặc h5p.org. Gói chỉ được dùng các loại nội dung "
                    "(thư viện) đã cài; chỉ quản trị viên nền tảng được cài thư viện mới."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def clean(self):
        from .permissions import can_install_libraries
        from .services import PackageInvalid, h5p_package_store

        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is None:
            if not getattr(self.instance, "package_id", None):
                self.add_error("upload", _("Hãy chọn một tệp .h5p."))
            return cleaned
        try:
            # Only a platform administrator's upload may install or upgrade a library.
            self._package = h5p_package_store(
                upload, install_libraries=can_install_libraries(getattr(self, "for_user", None)))
        except PackageInvalid as exc:
            for message in exc.errors:
                self.add_error("upload", message)
        return cleaned

    def save(self, commit=True):
        package = getattr(self, "_package", None)
        if package is not None:
            self.instance.package = package
            if not self.instance.title:
                self.instance.title = package.title
        return super().save(commit=commit)
