"""Forms for plans, tasks and updates. Choices are limited to what the user may reach; bad
input comes back as Vietnamese field errors (HTTP 400)."""

import uuid
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.common.forms import MultipleFileField
from lms.reports.models import Target
from lms.widgets import DateInput

from .files import validate_evidence_file
from .models import Plan, PlanTask, TaskStatus
from .permissions import related_to

if TYPE_CHECKING:
    from lms.units.models import Unit

MAX_FILES = 5
MAX_LINKS = 5


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["code", "symbol", "title", "issuing_unit", "issuer_name", "issued_on",
                  "period_start", "period_end", "summary", "document", "targets", "is_tracked"]
        widgets = {"issued_on": DateInput(), "period_start": DateInput(),
                   "period_end": DateInput(), "summary": forms.Textarea(attrs={"rows": 4}),
                   "targets": forms.CheckboxSelectMultiple}

    def __init__(self, *args, units=None, **kwargs):
        from library.models import LibraryItemPage

        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["issuing_unit"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["document"]).queryset = (
            LibraryItemPage.objects.live().order_by("title"))
        units = list(units)
        scope = related_to("unit", [u.path for u in units])
        if any(u.depth == 1 for u in units):  # a root's subtree is everything
            scope = Q()
        cast(forms.ModelChoiceField, self.fields["targets"]).queryset = (
            Target.objects.filter(scope, is_active=True)
            .select_related("unit").order_by("unit__path", "code"))

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class TaskForm(forms.ModelForm):
    class Meta:
        model = PlanTask
        fields = ["section", "number", "title", "description", "lead_unit", "lead_unit_name",
                  "cooperating_units", "cooperating_text", "timeframe", "deadline",
                  "deliverable", "target", "order"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3}),
                   "description": forms.Textarea(attrs={"rows": 3}),
                   "deliverable": forms.Textarea(attrs={"rows": 2}), "deadline": DateInput(),
                   "cooperating_units": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, plan: Plan, **kwargs):
        from lms.units.models import Unit

        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(path__startswith=plan.issuing_unit.path,
                                    kind__is_class=False).order_by("path")
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["cooperating_units"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["target"]).queryset = plan.targets.all()
        self.fields["order"].required = False


class TaskUpdateForm(forms.Form):
    unit: "forms.ModelChoiceField[Unit]" = forms.ModelChoiceField(
        label=_("Đơn vị báo cáo"), queryset=None, empty_label=None)
    status = forms.ChoiceField(label=_("Tình trạng"), choices=TaskStatus.choices)
    note = forms.CharField(label=_("Nội dung cập nhật"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    links = forms.CharField(label=_("Đường liên kết minh chứng (mỗi dòng một địa chỉ)"),
                            required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # The metaclass moves declared fields off the class, so this does not shadow form.files.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Tệp minh chứng (PDF, ảnh, Word, Excel, PowerPoint)"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, units, **kwargs):
        from lms.units.models import Unit

        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = (
            Unit.objects.filter(pk__in=[u.pk for u in units]))
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)

    def clean_links(self):
        validate = URLValidator(schemes=["http", "https"])
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(links) > MAX_LINKS:
            raise ValidationError(_("Tối đa %(n)s đường liên kết.") % {"n": MAX_LINKS})
        for link in links:
            try:
                validate(link)
            except ValidationError as exc:
                raise ValidationError(_("“%(link)s” không phải địa chỉ http(s) hợp lệ.")
                                      % {"link": link[:100]}) from exc
        return links

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Tối đa %(n)s tệp mỗi lần cập nhật.") % {"n": MAX_FILES})
        errors, checked = [], []
        for upload in files:
            try:
                checked.append((upload, validate_evidence_file(upload)))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return checked
