"""Plain Django forms (POST + CSRF, work without JavaScript); messages in Vietnamese."""

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.units.models import Unit
from lms.widgets import DateInput

from . import riasec
from .models import (
    ApplicationStatus,
    Employer,
    EmploymentOutcome,
    JobPosting,
    OutcomeStatus,
    PostingStatus,
)
from .selectors import live_occupations, valid_certificates


class QuestionnaireForm(forms.Form):
    """One radio group (a fieldset with a legend in the template) per statement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, _scale, text in riasec.STATEMENTS:
            self.fields[key] = forms.TypedChoiceField(
                label=text, choices=riasec.ANSWER_CHOICES, coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Hãy chọn một mức cho câu này.")})


class EmployerRegisterForm(forms.ModelForm):
    """With `with_account=True` (visitor not signed in) it also creates the sign-in account."""

    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150, required=False)
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, required=False)

    class Meta:
        model = Employer
        fields = ["name", "tax_code", "unit", "address", "contact_name", "contact_phone",
                  "contact_email", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, with_account: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_account = with_account
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = (
            Unit.objects.active().exclude(kind__is_class=True).select_related("kind"))
        self.fields["unit"].help_text = _("Sở, phòng, xã/phường hoặc trường nơi doanh nghiệp "
                                          "hoạt động: cán bộ đơn vị này sẽ duyệt.")
        if with_account:
            self.fields["username"].required = True
            self.fields["password"].required = True
        else:
            del self.fields["username"], self.fields["password"]

    def clean_username(self):
        username = self.cleaned_data.get("username", "").strip()
        if username and get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Tên đăng nhập này đã có người dùng."))
        return username

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if password:
            validate_password(password)
        return password


class PostingForm(forms.ModelForm):
    class Meta:
        model = JobPosting
        fields = ["title", "kind", "occupation", "location", "wage_min", "wage_max",
                  "description", "requirements", "required_courses", "deadline", "status"]
        widgets = {"deadline": DateInput(), "description": forms.Textarea(attrs={"rows": 5}),
                   "requirements": forms.Textarea(attrs={"rows": 3}),
                   "required_courses": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        from courses.models import CoursePage

        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["occupation"]).queryset = live_occupations()
        cast(forms.ModelChoiceField, self.fields["required_courses"]).queryset = (
            CoursePage.objects.live().order_by("title"))
        self.fields["required_courses"].help_text = _(
            "Chỉ người đã hoàn thành các khóa này mới nộp được hồ sơ. Bỏ trống nếu không yêu cầu.")

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        low, high = data.get("wage_min"), data.get("wage_max")
        if low and high and low > high:
            self.add_error("wage_max", _("Lương đến phải không nhỏ hơn lương từ."))
        deadline = data.get("deadline")
        if (deadline and deadline < timezone.localdate()
                and data.get("status") == PostingStatus.OPEN
                and (self.instance.pk is None or "deadline" in self.changed_data)):
            self.add_error("deadline", _("Hạn nộp hồ sơ đã qua."))
        return data

    def model_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "required_courses"}


class CertificateChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.course_title} ({obj.code}, {obj.issued_at:%d/%m/%Y})"


class ApplicationForm(forms.Form):
    contact = forms.CharField(label=_("Số điện thoại hoặc email để doanh nghiệp liên hệ"),
                              max_length=150)
    message = forms.CharField(label=_("Lời nhắn gửi doanh nghiệp"), required=False,
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    certificates = CertificateChoiceField(
        label=_("Chứng chỉ kèm theo"), required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Doanh nghiệp sẽ thấy đường dẫn xác minh của từng chứng chỉ."),
        error_messages={"invalid_choice": _("Chứng chỉ không hợp lệ.")})

    def __init__(self, *args, learner, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["certificates"]).queryset = (
            valid_certificates(learner))


class ApplicationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái hồ sơ"), choices=ApplicationStatus.choices)


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = EmploymentOutcome
        fields = ["status", "employer_name", "occupation", "date"]
        widgets = {"status": forms.RadioSelect, "date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # no empty "---------" radio
        cast(forms.ChoiceField, self.fields["status"]).choices = OutcomeStatus.choices
        cast(forms.ModelChoiceField, self.fields["occupation"]).queryset = live_occupations()
        self.fields["occupation"].required = False
        self.fields["date"].initial = timezone.localdate()
        self.fields["employer_name"].help_text = _("Tên doanh nghiệp, cơ sở tự kinh doanh "
                                                   "hoặc trường đang học.")

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Ngày không được ở tương lai."))
        return date

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if data.get("status") == OutcomeStatus.EMPLOYED and not data.get("employer_name"):
            self.add_error("employer_name", _("Hãy ghi nơi làm việc."))
        return data
