from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Preference


class PreferenceForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Ngôn ngữ nhận thông báo"),
                                 choices=[("vi", "Tiếng Việt"), ("en", "English")])

    class Meta:
        model = Preference
        fields = ["in_app", "email", "sms", "zalo", "zalo_user_id", "weekly_digest",
                  "quiet_start", "quiet_end"]

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        for name in ("quiet_start", "quiet_end"):
            value = data.get(name)
            if value is not None and not 0 <= value <= 23:
                self.add_error(name, _("Giờ phải từ 0 đến 23."))
        if data.get("zalo") and not data.get("zalo_user_id"):
            self.add_error("zalo_user_id", _("Cần mã người dùng Zalo OA để nhận tin qua Zalo."))
        return data
