from typing import cast

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .models import AttachmentKind, Entry
from .permissions import mentor_candidates

BUDGET_ROWS_MAX = 15


class EntryStartForm(forms.Form):
    title = forms.CharField(label=_("Tên ý tưởng"), max_length=200)


class EntryForm(forms.ModelForm):
    video_url = forms.URLField(label=_("Đường dẫn video (YouTube, Google Drive…)"),
                               required=False, assume_scheme="https",
                               validators=[URLValidator(schemes=["http", "https"])])

    class Meta:
        model = Entry
        fields = ["title", "summary", "problem", "solution", "market", "team_info", "video_url",
                  "mentor"]
        widgets = {name: forms.Textarea(attrs={"rows": 4})
                   for name in ("summary", "problem", "solution", "market", "team_info")}

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        mentor = cast(forms.ModelChoiceField, self.fields["mentor"])
        mentor.queryset = mentor_candidates(school) if school else \
            mentor.queryset.none()  # type: ignore[union-attr]
        mentor.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[method-assign,assignment]
        # Drafts may be incomplete; completeness is checked when the team submits.
        for name in ("title",):
            self.fields[name].required = True
        for name in ("summary", "problem", "solution", "market", "team_info", "mentor"):
            self.fields[name].required = False


class BudgetRowForm(forms.Form):
    item = forms.CharField(label=_("Khoản mục"), max_length=200, required=False)
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=0, max_value=1_000_000,
                                  required=False)
    unit_cost = forms.IntegerField(label=_("Đơn giá (đồng)"), min_value=0,
                                   max_value=100_000_000_000, required=False)


BudgetFormSet = forms.formset_factory(BudgetRowForm, extra=2, max_num=BUDGET_ROWS_MAX,
                                      validate_max=True)


def budget_rows(formset) -> list[dict]:
    """Filled rows only (a row without an item is ignored)."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        if data.get("item"):
            rows.append({"item": data["item"], "quantity": data.get("quantity") or 0,
                         "unit_cost": data.get("unit_cost") or 0})
    return rows


class MemberAddForm(forms.Form):
    identifier = forms.CharField(label=_("Tên đăng nhập hoặc mã học sinh của bạn cùng nhóm"),
                                 max_length=150)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tệp"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("Tệp"))


class JudgeAssignForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập của giám khảo"), max_length=150)


class PublishForm(forms.Form):
    force = forms.BooleanField(label=_("Công bố dù chưa chấm xong"), required=False)


class ScoreForm(forms.Form):
    comment = forms.CharField(label=_("Nhận xét"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria=(), sheet=None, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.read_only = read_only
        values = {s.criterion_id: s.value for s in sheet.scores.all()} if sheet else {}
        self.criteria = list(criteria)
        fields = {}
        for c in self.criteria:
            fields[f"c{c.pk}"] = forms.IntegerField(
                label=f"{c.name} ({c.min_score}–{c.max_score})", required=False,
                min_value=c.min_score, max_value=c.max_score, initial=values.get(c.pk),
                help_text=c.description)
        self.fields = {**fields, **self.fields}
        if sheet is not None:
            self.fields["comment"].initial = sheet.comment
        for field in self.fields.values():
            # Score inputs big enough to touch (issue 19 item 6: they were about 22 × 14 px).
            if isinstance(field, forms.IntegerField):
                field.widget.attrs.update({"inputmode": "numeric", "class": "score"})
            # Outside the judging window the sheet is shown, not filled in: disabled fields
            # render as such and ignore whatever a POST carries.
            field.disabled = read_only

    def values(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria
                if self.cleaned_data.get(f"c{c.pk}") is not None}
