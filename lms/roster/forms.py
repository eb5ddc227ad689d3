import re
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.units.models import Unit

from .columns import FIELDS


class UploadForm(forms.Form):
    school = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Trường"),
                                    empty_label=None)
    school_year = forms.CharField(label=_("Năm học (cho lớp mới)"), required=False, max_length=9,
                                  help_text=_("Ví dụ 2025-2026."))
    file = forms.FileField(label=_("Tệp danh sách (.xlsx hoặc .csv)"))

    def __init__(self, *args, schools=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = schools

    def clean_school_year(self):
        value = self.cleaned_data["school_year"].strip()
        if value and not re.fullmatch(r"(\d{4})-(\d{4})", value):
            raise forms.ValidationError(_("Năm học ghi dạng 2025-2026."))
        return value


class MappingForm(forms.Form):
    """One select per roster field; the choices are the file's own column headers."""

    def __init__(self, *args, headers=(), initial_mapping=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .scanning import column_name

        choices = [("", _("— không có —"))] + [
            (str(i), column_name(list(headers), i)) for i in range(len(headers))]
        for key, (label, required) in FIELDS.items():
            self.fields[key] = forms.ChoiceField(
                label=label, choices=choices, required=required,
                initial=str(initial_mapping[key]) if initial_mapping and key in initial_mapping
                else "")

    def mapping(self) -> dict[str, int]:
        return {key: int(value) for key, value in self.cleaned_data.items() if value != ""}

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        used: dict[str, str] = {}
        for key, value in data.items():
            if value in ("", None):
                continue
            if value in used:
                self.add_error(key, _("Cột này đã được chọn cho “%(other)s”.")
                               % {"other": FIELDS[used[value]][0]})
            used[value] = key
        return data


class OneRosterUploadForm(forms.Form):
    """A OneRoster 1.2 CSV bulk zip and the unit it lands under (a superuser may leave the unit
    empty to fill an empty site: the file's top orgs become roots)."""

    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị nhận dữ liệu"),
                                  required=False,
                                  help_text=_("Các đơn vị không có đơn vị cha trong tệp được "
                                              "đặt ngay dưới đơn vị này."))
    file = forms.FileField(label=_("Tệp zip OneRoster 1.2 (CSV)"))

    def __init__(self, *args, units=None, allow_root=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])
        field.queryset = units
        field.required = not allow_root
        field.empty_label = _("— gốc (trang trống) —") if allow_root else None
