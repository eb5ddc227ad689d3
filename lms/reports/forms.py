from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.units.capabilities import Capability
from lms.units.models import SchoolLevel, Unit
from lms.units.permissions import units_visible_to
from lms.widgets import DateInput

from .models import ExportFormat, PopulationKind, Target, ThresholdKind, TrainedRule


class CourseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        if not obj.live:
            return _("%(title)s (đã ẩn)") % {"title": obj.title}
        return obj.title


class TargetForm(forms.ModelForm):
    """A target. Its courses are the published ones plus any it already has that were later
    unpublished (marked "đã ẩn"), so an unchanged save always works. `confirm_uncount` is asked
    for only when the edit would un-count people already trained (see target_save)."""

    confirm_uncount = forms.BooleanField(
        label=_("Tôi hiểu và vẫn lưu thay đổi này"), required=False)
    school_levels = forms.MultipleChoiceField(label=_("Cấp học"), choices=SchoolLevel.choices,
                                              required=False,
                                              widget=forms.CheckboxSelectMultiple)
    grades = forms.TypedMultipleChoiceField(label=_("Khối lớp"), coerce=int, required=False,
                                            choices=[(g, str(g)) for g in range(1, 13)],
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Target
        fields = ["code", "name", "population", "school_levels", "grades", "graduation_year",
                  "household", "age_min", "age_max", "rule", "courses", "programme",
                  "min_courses", "threshold_kind", "threshold", "period_label", "period_start",
                  "period_end", "deadline", "lead_unit", "cooperating_units", "notes", "source"]
        field_classes = {"courses": CourseChoiceField}
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "deadline": DateInput(),
            "courses": forms.CheckboxSelectMultiple,
            "cooperating_units": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "population": _("Giáo viên: người có vai trò giáo viên trong đơn vị; khóa học họ "
                            "hoàn thành được tính như của người học."),
            "lead_unit": _("Để trống: chính đơn vị đặt chỉ tiêu."),
        }

    def __init__(self, *args, unit=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        chosen = (self.instance.courses.values("pk") if self.instance.pk
                  else CoursePage.objects.none().values("pk"))
        cast(forms.ModelMultipleChoiceField, self.fields["courses"]).queryset = (
            CoursePage.objects.filter(Q(live=True) | Q(pk__in=chosen)).order_by("title"))
        # Lead and cooperating units: offices the user can see (and the target's own unit);
        # schools and classes would make the list tens of thousands long.
        units = (units_visible_to(user, Capability.MANAGE_REPORTS) if user is not None
                 else Unit.objects.none())
        if unit is not None:
            units = units.filter(Q(kind__is_class=False, kind__is_school=False) | Q(pk=unit.pk))
        units = units.order_by("path")
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = units
        cast(forms.ModelMultipleChoiceField, self.fields["cooperating_units"]).queryset = units

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc kỳ phải sau ngày bắt đầu."))
        threshold = data.get("threshold")
        if threshold is not None:
            if threshold < 0:
                self.add_error("threshold", _("Ngưỡng không được âm."))
            elif data.get("threshold_kind") == ThresholdKind.PERCENT and threshold > 100:
                self.add_error("threshold", _("Ngưỡng phần trăm không được vượt quá 100."))
        if data.get("population") == PopulationKind.TEACHERS:
            for name in ("grades", "graduation_year"):
                if data.get(name):
                    self.add_error(name, _("Chỉ tiêu về giáo viên không lọc theo khối lớp "
                                           "hay năm tốt nghiệp."))
        rule = data.get("rule")
        if rule == TrainedRule.PROGRAMME and not data.get("programme"):
            self.add_error("programme", _("Hãy chọn chương trình."))
        if rule == TrainedRule.COURSE and not data.get("courses"):
            self.add_error("courses", _("Hãy chọn ít nhất một khóa học."))
        code = data.get("code")
        if code and self.unit is not None:
            clash = Target.objects.filter(unit=self.unit, code=code,
                                          period_label=data.get("period_label"))
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("code", _("Đơn vị đã có chỉ tiêu cùng mã trong kỳ này."))
        return data


class ExportForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=ExportFormat.choices)


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=2000)
