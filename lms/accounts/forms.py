from typing import Any, cast

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .backends import identifier_query
from .models import SignInChannel


class CodeRequestForm(forms.Form):
    identifier = forms.CharField(
        label=_("Số điện thoại hoặc email"), max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none",
                                      "inputmode": "email"}))

    def clean_identifier(self):
        value = self.cleaned_data["identifier"].strip()
        # Only the format is checked here: whether an account exists is never said.
        if identifier_query(value) is None:
            raise ValidationError(_("Hãy nhập số điện thoại (10 chữ số) hoặc địa chỉ email."))
        return value


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã 6 chữ số"), max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9 ]*", "size": 8}))

    def clean_code(self):
        digits = "".join(ch for ch in self.cleaned_data["code"] if ch.isdigit())
        if len(digits) != 6:
            raise ValidationError(_("Mã gồm đúng 6 chữ số."))
        return digits


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label=_("Mã dự phòng"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false", "size": 14}),
        help_text=_("Một trong 10 mã bạn đã lưu khi bật đăng nhập hai bước, ví dụ ABCDE-23456."))


class TwoStepForm(forms.Form):
    two_step = forms.BooleanField(
        label=_("Bật đăng nhập hai bước"), required=False,
        help_text=_("Sau khi nhập mật khẩu, bạn nhập thêm mã 6 chữ số được gửi tới điện "
                    "thoại hoặc email của bạn."))
    channel = forms.ChoiceField(label=_("Nhận mã qua"), widget=forms.RadioSelect,
                                choices=SignInChannel.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if user.phone:
            choices.append((SignInChannel.SMS, _("Tin nhắn SMS tới %(phone)s")
                            % {"phone": user.phone}))
        if user.email:
            choices.append((SignInChannel.EMAIL, _("Email tới %(email)s")
                            % {"email": user.email}))
        cast(forms.ChoiceField, self.fields["channel"]).choices = choices
        self.fields["channel"].required = False

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if data.get("two_step") and not data.get("channel"):
            if not cast(forms.ChoiceField, self.fields["channel"]).choices:
                raise ValidationError(_("Tài khoản chưa có số điện thoại hoặc email để nhận "
                                        "mã. Hãy nhờ nhà trường cập nhật."))
            self.add_error("channel", _("Hãy chọn cách nhận mã."))
        return data


class ResetRequestForm(CodeRequestForm):
    """Phone (a code by SMS) or email (a link by email); says nothing about existence."""


class ResetCodeForm(SetPasswordForm):
    """The SMS code and the new password, on one page."""

    code = CodeForm.base_fields["code"]
    field_order = ["code", "new_password1", "new_password2"]

    def clean_code(self):
        digits = "".join(ch for ch in self.cleaned_data["code"] if ch.isdigit())
        if len(digits) != 6:
            raise ValidationError(_("Mã gồm đúng 6 chữ số."))
        return digits


class ReauthPasswordForm(forms.Form):
    password = forms.CharField(label=_("Mật khẩu hiện tại"), strip=False,
                               widget=forms.PasswordInput(attrs={
                                   "autocomplete": "current-password"}))
