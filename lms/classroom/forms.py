"""Forms of the classroom pages. Files are checked by content here (files.validate_upload) and
handed to the services as (upload, mime) pairs; the due time is read in Vietnam's time."""

import datetime as dt
from typing import Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.common.forms import MultipleFileField
from lms.widgets import DateInput

from .files import validate_upload
from .scores import score_parse

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def _clean_uploads(files) -> list:
    if len(files) > settings.HOCMO_CLASSROOM_MAX_FILES:
        raise forms.ValidationError(_("Tối đa %(n)s tệp.") % {
            "n": settings.HOCMO_CLASSROOM_MAX_FILES})
    return [(upload, validate_upload(upload)) for upload in files]


def _learner_label(user) -> str:
    return user.get_full_name() or user.username


class AssignmentForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên bài tập"), max_length=200)
    instructions = forms.CharField(label=gettext_lazy("Hướng dẫn"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 6}))
    due_date = forms.DateField(label=gettext_lazy("Ngày hết hạn"), widget=DateInput())
    due_time = forms.TimeField(label=gettext_lazy("Giờ hết hạn (giờ Việt Nam)"),
                               widget=TimeInput(), initial=dt.time(21, 0))
    lesson: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=gettext_lazy("Gắn với bài học (không bắt buộc)"), queryset=None, required=False)
    learners: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Giao cho"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Không chọn ai: giao cho cả lớp."))
    uploads = MultipleFileField(label=gettext_lazy("Tệp đính kèm"), required=False)

    def __init__(self, *args, learners=(), lessons=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        cast(forms.ModelChoiceField, self.fields["lesson"]).queryset = lessons
        chosen = cast(forms.ModelMultipleChoiceField, self.fields["learners"])
        chosen.queryset = get_user_model().objects.filter(
            pk__in=[learner.pk for learner in learners]).order_by("name_key")
        chosen.label_from_instance = _learner_label  # type: ignore[method-assign,assignment]
        self.editing = editing

    def clean_uploads(self):
        return _clean_uploads(self.cleaned_data["uploads"])

    def clean(self):
        data = super().clean() or {}
        if data.get("due_date") and data.get("due_time"):
            due = dt.datetime.combine(data["due_date"], data["due_time"]).replace(tzinfo=VIETNAM)
            if not self.editing and due <= timezone.now():
                self.add_error("due_date", _("Hạn nộp phải sau thời điểm hiện tại."))
            data["due_at"] = due
        return data


class HandInForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Bài làm"), required=False, max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 6}))
    uploads = MultipleFileField(label=gettext_lazy("Tệp bài làm (ảnh chụp, PDF, Word…)"),
                                required=False)

    def clean_uploads(self):
        return _clean_uploads(self.cleaned_data["uploads"])

    def clean(self):
        data = super().clean() or {}
        if not self.errors and not (data.get("text") or "").strip() and not data.get("uploads"):
            raise forms.ValidationError(_("Hãy viết bài làm hoặc chọn ít nhất một tệp."))
        return data


class MarkForm(forms.Form):
    """The score typed, or (the assignment has a rubric) one level per criterion, the score
    computed from them (cleaned_data["rubric_levels"])."""

    score = forms.CharField(label=gettext_lazy("Điểm (thang 10)"), max_length=6,
                            widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    comment = forms.CharField(label=gettext_lazy("Nhận xét"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, rubric=(), filled=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = list(rubric)
        if not self.rubric:
            return
        del self.fields["score"]
        chosen = {row["title"]: row["level"] for row in filled or ()}
        fields = {}
        for index, criterion in enumerate(self.rubric):
            choices = [(str(number), f"{level['label']} ({_points_text(level['points'])})")
                       for number, level in enumerate(criterion["levels"])]
            initial = next((str(n) for n, level in enumerate(criterion["levels"])
                            if chosen.get(criterion["title"]) == level["label"]), None)
            fields[f"criterion_{index}"] = forms.ChoiceField(
                label=criterion["title"], choices=choices, widget=forms.RadioSelect,
                initial=initial)
        self.fields = {**fields, "comment": self.fields["comment"]}

    def clean_score(self):
        try:
            return score_parse(self.cleaned_data["score"])
        except ValueError as exc:
            raise forms.ValidationError(_("Điểm là một số từ 0 đến 10, ví dụ 8,5.")) from exc

    def clean(self):
        data = super().clean() or {}
        if self.rubric and not self.errors:
            data["rubric_levels"] = [int(data[f"criterion_{n}"])
                                     for n in range(len(self.rubric))]
            data["score"] = None
        return data


def _points_text(points: str) -> str:
    from decimal import Decimal

    from .scores import score_display

    return score_display(Decimal(points))


class RubricForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Tiêu chí chấm, mỗi dòng một tiêu chí"), required=False,
        max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Tiêu chí: tên mức điểm; tên mức điểm. Ví dụ: “Nội dung: Đầy đủ "
                               "6; Khá 4; Còn thiếu 2”. Điểm được quy về thang 10. Để trống: "
                               "bỏ tiêu chí, giáo viên nhập điểm."))

    def clean_text(self):
        from .rubrics import rubric_parse

        return rubric_parse(self.cleaned_data["text"])


class ExtensionForm(forms.Form):
    """One learner's later due time; `remove` takes an extension back."""

    learner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=gettext_lazy("Học sinh"), queryset=None)
    due_date = forms.DateField(label=gettext_lazy("Ngày hết hạn mới"), widget=DateInput(),
                               required=False)
    due_time = forms.TimeField(label=gettext_lazy("Giờ hết hạn mới (giờ Việt Nam)"),
                               widget=TimeInput(), initial=dt.time(21, 0), required=False)
    remove = forms.BooleanField(label=gettext_lazy("Bỏ gia hạn"), required=False)

    def __init__(self, *args, learners=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        field = cast(forms.ModelChoiceField, self.fields["learner"])
        field.queryset = get_user_model().objects.filter(
            pk__in=[learner.pk for learner in learners]).order_by("name_key")
        field.label_from_instance = _learner_label  # type: ignore[method-assign,assignment]

    def clean(self):
        data = super().clean() or {}
        if data.get("remove"):
            data["due_at"] = None
        elif data.get("due_date") and data.get("due_time"):
            data["due_at"] = dt.datetime.combine(data["due_date"], data["due_time"]).replace(
                tzinfo=VIETNAM)
        elif not self.errors:
            raise forms.ValidationError(_("Hãy chọn ngày và giờ hết hạn mới."))
        return data


class StreamPostForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Nội dung bài đăng"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    uploads = MultipleFileField(label=gettext_lazy("Tệp đính kèm"), required=False)
    lessons: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Gắn bài học"), queryset=None, required=False,
        help_text=gettext_lazy("Bài học của các khóa lớp đang học."))
    library: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Gắn tài liệu thư viện"), queryset=None, required=False)
    pinned = forms.BooleanField(label=gettext_lazy("Ghim lên đầu"), required=False)
    comments_open = forms.BooleanField(label=gettext_lazy("Cho phép học sinh bình luận"),
                                       required=False, initial=True)
    for_parents = forms.BooleanField(
        label=gettext_lazy("Gửi cả phụ huynh (đăng vào tin lớp của phụ huynh, không kèm tệp)"),
        required=False)

    def __init__(self, *args, lessons=None, library=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (("lessons", lessons), ("library", library)):
            field = cast(forms.ModelMultipleChoiceField, self.fields[name])
            if queryset is None:
                del self.fields[name]
            else:
                field.queryset = queryset

    def clean_uploads(self):
        return _clean_uploads(self.cleaned_data["uploads"])

    def pages(self) -> list:
        data = self.cleaned_data
        return list(data.get("lessons") or []) + list(data.get("library") or [])


class StreamCommentForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Bình luận"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
