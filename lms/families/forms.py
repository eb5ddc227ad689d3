from typing import Any, cast

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.common.forms import MultipleFileField, MultipleFileInput
from lms.common.phone import phone_normalise

PHONE_INVALID = _("Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 "
                  "(hoặc +84).")


class LinkCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã liên kết"), max_length=20,
        help_text=_("Mã gồm 10 ký tự do giáo viên chủ nhiệm cấp, ví dụ ABCDE-FGH23."))


class ParentRegisterForm(LinkCodeForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, min_length=8)

    field_order = ["code", "full_name", "phone", "email", "password"]

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        phone = phone_normalise(raw)
        if not phone:
            raise ValidationError(PHONE_INVALID)
        if User.objects.filter(phone=phone).exists() or User.objects.filter(
                username=phone).exists():
            raise ValidationError(_("Số điện thoại này đã có tài khoản. Hãy đăng nhập."))
        return phone

    def clean_email(self):
        email = self.cleaned_data.get("email", "").strip().lower()
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("Email này đã có tài khoản. Hãy đăng nhập."))
        return email

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if not self.errors and not data.get("phone") and not data.get("email"):
            raise ValidationError(_("Hãy nhập số điện thoại hoặc email để đăng nhập."))
        if data.get("password"):
            try:
                validate_password(data["password"])
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


class NewsPostForm(forms.Form):
    text = forms.CharField(label=_("Nội dung tin"), widget=forms.Textarea(attrs={"rows": 4}),
                           max_length=2000)
    photos = MultipleFileField(label=_("Ảnh (tùy chọn, tối đa 6)"), required=False,
                               widget=MultipleFileInput(attrs={"accept": "image/*"}))
    alt = forms.CharField(label=_("Mô tả ảnh (cho người khiếm thị)"), max_length=200,
                          required=False)


class ParentFindForm(forms.Form):
    identifier = forms.CharField(label=_("Số điện thoại hoặc email của phụ huynh"),
                                 max_length=254)


class ParentCreateForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên phụ huynh"), max_length=150)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Email"), required=False)

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        phone = phone_normalise(raw)
        if not phone:
            raise ValidationError(PHONE_INVALID)
        return phone

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if not self.errors and not data.get("phone") and not data.get("email"):
            raise ValidationError(_("Hãy nhập số điện thoại hoặc email để gửi lời mời."))
        return data
