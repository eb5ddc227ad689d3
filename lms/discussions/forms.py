"""Forms of the lesson question pages: plain text with length limits (shown escaped, links
not made active)."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ANSWER_MAX, QUESTION_MAX, REASON_MAX

QUESTION_MIN = 5


def _text(value: str) -> str:
    """Control characters other than line breaks and tabs are dropped; blank lines kept to
    at most one."""
    cleaned = "".join(ch for ch in value if ch in "\n\t" or ch >= " ")
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    return cleaned.strip()


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Câu hỏi của em"), min_length=QUESTION_MIN,
                           max_length=QUESTION_MAX,
                           widget=forms.Textarea(attrs={"rows": 3}))
    lop = forms.TypedChoiceField(label=_("Lớp"), coerce=int, required=False)

    def __init__(self, *args, classes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.classes = {unit.pk: unit for unit in classes}
        cast(forms.TypedChoiceField, self.fields["lop"]).choices = [
            (unit.pk, unit.name) for unit in classes]
        if len(self.classes) < 2:
            self.fields["lop"].widget = forms.HiddenInput()

    def clean_text(self) -> str:
        text = _text(self.cleaned_data["text"])
        if len(text) < QUESTION_MIN:
            raise forms.ValidationError(_("Câu hỏi quá ngắn."))
        return text

    def clean(self):
        data = super().clean() or {}
        chosen = data.get("lop")
        if chosen in self.classes:
            data["unit"] = self.classes[chosen]
        elif len(self.classes) == 1:
            data["unit"] = next(iter(self.classes.values()))
        else:
            self.add_error("lop", _("Hãy chọn lớp của em."))
        return data


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Câu trả lời"), max_length=ANSWER_MAX,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def clean_text(self) -> str:
        text = _text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Hãy viết câu trả lời."))
        return text


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Lý do (không bắt buộc)"), max_length=REASON_MAX,
                             required=False)

    def clean_reason(self) -> str:
        return _text(self.cleaned_data["reason"])
