import datetime
from typing import Any, cast

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Sex, User
from lms.common.phone import phone_normalise
from lms.units.models import Unit
from lms.widgets import DateInput

from .models import RecognitionRule
from .services.registration import MIN_AGE


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AdultRegisterForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20,
                            help_text=_("Dùng để đăng nhập, ví dụ 0912 345 678."))
    email = forms.EmailField(label=_("Email (không bắt buộc)"), required=False)
    date_of_birth = forms.DateField(label=_("Ngày sinh"),
                                    widget=DateInput(),
                                    input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    # Optional, but reports split every figure by sex: asked so adults are not all "unknown".
    sex = forms.ChoiceField(label=_("Giới tính (không bắt buộc)"), required=False,
                            choices=[("", "—"), *Sex.choices])
    commune = CommuneChoiceField(label=_("Xã/phường nơi bạn sinh sống"),
                                 queryset=Unit.objects.none(), empty_label=_("— Chọn xã/phường —"))
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, min_length=8)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["commune"]).queryset = (
            Unit.objects.active().filter(kind__code="commune").order_by("name"))

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Hãy nhập đầy đủ họ và tên."))
        return name

    def clean_phone(self):
        phone = phone_normalise(self.cleaned_data.get("phone", ""))
        if not phone:
            raise ValidationError(_("Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng "
                                    "03, 05, 07, 08 hoặc 09 (hoặc +84)."))
        if User.objects.filter(phone=phone).exists() or User.objects.filter(
                username=phone).exists():
            raise ValidationError(_("Số điện thoại này đã được đăng ký. Hãy đăng nhập."))
        return phone

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("Email này đã có tài khoản. Hãy đăng nhập."))
        return email

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today or born.year < 1900:
            raise ValidationError(_("Ngày sinh không hợp lệ."))
        try:
            birthday_min_age = born.replace(year=born.year + MIN_AGE)
        except ValueError:  # 29 February
            birthday_min_age = datetime.date(born.year + MIN_AGE, 3, 1)
        if birthday_min_age > today:
            raise ValidationError(_("Người đăng ký phải từ %(n)s tuổi trở lên.") % {"n": MIN_AGE})
        return born

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if data.get("password") and data.get("phone"):
            if phone_normalise(data["password"]) == data["phone"]:
                self.add_error("password", _("Mật khẩu không được trùng số điện thoại."))
                return data
            try:
                validate_password(data["password"], User(username=data["phone"],
                                                         full_name=data.get("full_name", "")))
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


class RuleForm(forms.ModelForm):
    class Meta:
        model = RecognitionRule
        fields = ["min_completions", "min_hours", "combine", "family_min_percent",
                  "family_min_members", "community_min_percent", "unit_min_percent"]

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        for field in ("family_min_percent", "community_min_percent", "unit_min_percent"):
            if data.get(field) is not None and data[field] > 100:
                self.add_error(field, _("Tỷ lệ không vượt quá 100%."))
        if data.get("family_min_members") is not None and data["family_min_members"] < 2:
            self.add_error("family_min_members", _("Gia đình học tập cần ít nhất 2 công dân "
                                                   "học tập."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Lý do không công nhận"), max_length=300)


class HouseholdForm(forms.Form):
    name = forms.CharField(label=_("Tên hộ"), max_length=150,
                           help_text=_("Ví dụ: Hộ ông Nguyễn Văn Bình"))
    head_phone = forms.CharField(label=_("Số điện thoại chủ hộ (nếu có tài khoản)"),
                                 max_length=20, required=False)

    def clean_head_phone(self):
        raw = self.cleaned_data.get("head_phone", "").strip()
        if not raw:
            return None
        user = User.objects.filter(phone=phone_normalise(raw) or raw).first()
        if user is None:
            raise ValidationError(_("Không tìm thấy tài khoản có số điện thoại này."))
        return user


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False,
                                help_text=_("Bỏ trống nếu nhập số điện thoại của người có "
                                            "tài khoản."))
    phone = forms.CharField(label=_("Số điện thoại (nếu có tài khoản)"), max_length=20,
                            required=False)
    relation = forms.CharField(label=_("Quan hệ với chủ hộ"), max_length=40, required=False)
    joined_on = forms.DateField(label=_("Ngày vào hộ"),
                                widget=DateInput())

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        raw = (data.get("phone") or "").strip()
        data["user"] = None
        if raw:
            data["user"] = User.objects.filter(phone=phone_normalise(raw) or raw).first()
            if data["user"] is None:
                self.add_error("phone", _("Không tìm thấy tài khoản có số điện thoại này."))
        elif not (data.get("full_name") or "").strip():
            self.add_error("full_name", _("Hãy nhập họ tên hoặc số điện thoại."))
        return data


class LeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Ngày rời hộ"),
                              widget=DateInput())
