from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.units.models import SchoolLevel

from .models import ExportFormat, Target, ThresholdKind, TrainedRule


class TargetForm(forms.ModelForm):
    school_levels = forms.MultipleChoiceField(label=_("Cấp học"), choices=SchoolLevel.choices,
                                              required=False,
                                              widget=forms.CheckboxSelectMultiple)
    grades = forms.TypedMultipleChoiceField(label=_("Khối lớp"), coerce=int, required=False,
                                            choices=[(g, str(g)) for g in range(1, 13)],
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Target
        fields = ["code", "name", "school_levels", "grades", "graduation_year", "household",
                  "age_min", "age_max", "rule", "courses", "programme", "min_courses",
                  "threshold_kind", "threshold", "period_label", "period_start", "period_end",
                  "deadline", "notes", "source"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
            "courses": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc kỳ phải sau ngày bắt đầu."))
        threshold = data.get("threshold")
        if threshold is not None:
            if threshold < 0:
                self.add_error("threshold", _("Ngưỡng không được âm."))
            elif data.get("threshold_kind") == ThresholdKind.PERCENT and threshold > 100:
                self.add_error("threshold", _("Ngưỡng phần trăm không được vượt quá 100."))
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
