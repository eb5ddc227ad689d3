"""The bulk import as an admin action: upload a manifest (CSV/XLSX) and its files in the
Wagtail admin; the same importer as `manage.py library_import` runs and its report is shown."""

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lms.common.forms import MultipleFileField

from .importer import library_import
from .models import LibraryIndexPage


class ImportForm(forms.Form):
    manifest = forms.FileField(label=_("Tệp danh mục (CSV hoặc XLSX)"))
    # The metaclass moves declared fields off the class, so this does not shadow form.files.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Các tệp tài liệu"), required=False)
    publish = forms.BooleanField(label=_("Xuất bản ngay"), required=False, initial=True)

    def clean_manifest(self):
        manifest = self.cleaned_data["manifest"]
        if Path(manifest.name).suffix.lower() not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("Tệp danh mục phải là CSV hoặc XLSX."))
        return manifest


def import_view(request):
    index = LibraryIndexPage.objects.first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with tempfile.TemporaryDirectory(prefix="hocmo-import-") as folder:
            base = Path(folder)
            for upload in form.cleaned_data["files"]:
                target = base / Path(upload.name).name
                with target.open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
            manifest = base / f"danh-muc{Path(form.cleaned_data['manifest'].name).suffix}"
            with manifest.open("wb") as out:
                for chunk in form.cleaned_data["manifest"].chunks():
                    out.write(chunk)
            report = library_import(base, manifest, parent=index,
                                    publish=form.cleaned_data["publish"])
    return render(request, "library/admin_import.html", {"form": form, "report": report})
