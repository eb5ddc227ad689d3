from typing import TYPE_CHECKING, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.common.forms import MultipleFileField, MultipleFileInput
from lms.widgets import DateInput

from .models import Club, ClubField

if TYPE_CHECKING:
    from lms.accounts.models import User
    from lms.units.models import Unit


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Tên câu lạc bộ"), required=False, max_length=100)
    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), required=False, coerce=int,
                                      empty_value=None)
    district = forms.TypedChoiceField(label=_("Phòng GD&ĐT hoặc xã/phường"), required=False,
                                      coerce=int, empty_value=None)
    school = forms.TypedChoiceField(label=_("Trường"), required=False, coerce=int,
                                    empty_value=None)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False,
                              choices=[("", _("Tất cả lĩnh vực")), *ClubField.choices])
    # Their names in the address: Vietnamese, like every page's (docs/architecture.md, URLs).
    QUERY_NAMES = {"province": "tinh", "district": "huyen-xa", "school": "truong",
                   "field": "linh-vuc"}

    def add_prefix(self, field_name):
        return self.QUERY_NAMES.get(field_name, field_name)

    def set_options(self, options: dict) -> None:
        everything = _("Tất cả")
        for name, key in (("province", "provinces"), ("district", "districts"),
                          ("school", "schools")):
            cast(forms.ChoiceField, self.fields[name]).choices = [
                ("", everything), *[(u.pk, u.name) for u in options[key]]]


class ClubForm(forms.ModelForm):
    unit: "forms.ModelChoiceField[Unit]" = forms.ModelChoiceField(
        label=_("Trường hoặc phòng GD&ĐT"), queryset=None)
    advisers: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Giáo viên phụ trách"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Club
        fields = ["unit", "name", "field", "description", "founded_on", "is_public",
                  "closed_on", "advisers"]
        widgets = {"founded_on": DateInput(),
                   "closed_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, units=None, advisers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a club does not move between schools
            del self.fields["unit"]
            cast(forms.ModelMultipleChoiceField, self.fields["advisers"]).queryset = advisers
            self.fields["advisers"].required = True
        else:
            cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units
            del self.fields["advisers"]
            del self.fields["closed_on"]


class MembersAddForm(forms.Form):
    learners: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Chọn học sinh"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        learners = cast(forms.ModelMultipleChoiceField, self.fields["learners"])
        learners.queryset = queryset
        learners.label_from_instance = lambda u: u.get_full_name()  # type: ignore[method-assign,assignment]


class ActivityForm(forms.Form):
    date = forms.DateField(label=_("Ngày"), initial=timezone.localdate,
                           widget=DateInput())
    title = forms.CharField(label=_("Tên hoạt động"), max_length=200)
    location = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    description = forms.CharField(label=_("Nội dung"), max_length=4000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    present: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Điểm danh: thành viên có mặt"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    photos = MultipleFileField(label=_("Ảnh hoạt động (tùy chọn, tối đa 6 mỗi lần)"),
                               required=False,
                               widget=MultipleFileInput(attrs={"accept": "image/*"}))
    alt = forms.CharField(label=_("Mô tả ảnh (cho người khiếm thị)"), max_length=200,
                          required=False)
    photos_public = forms.BooleanField(
        label=_("Công khai các ảnh này trên trang câu lạc bộ"), required=False,
        help_text=_("Chỉ đánh dấu khi ảnh phù hợp để công khai và nhà trường đã có sự đồng ý "
                    "của cha mẹ học sinh có trong ảnh."))

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        present = cast(forms.ModelMultipleChoiceField, self.fields["present"])
        present.queryset = members
        present.label_from_instance = lambda u: u.get_full_name()  # type: ignore[method-assign,assignment]


class PhotoForm(forms.Form):
    is_public = forms.BooleanField(label=_("Công khai"), required=False)
    alt = forms.CharField(label=_("Mô tả ảnh"), max_length=200, required=False)


class ReportForm(forms.Form):
    term = forms.ChoiceField(label=_("Kỳ báo cáo"), required=False)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Their names in the address: Vietnamese, like every page's (docs/architecture.md, URLs).
    QUERY_NAMES = {"term": "hoc-ky", "unit": "don-vi"}

    def add_prefix(self, field_name):
        return self.QUERY_NAMES.get(field_name, field_name)

    def __init__(self, *args, terms=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["term"]).choices = [(t.code, t.label) for t in terms]
