"""Form widgets shared by the apps' forms."""

from django import forms


class DateInput(forms.DateInput):
    """The phone's own date picker (`type="date"`, no JavaScript). The picker reads and writes
    ISO dates whatever the page's language, so the value is always rendered as %Y-%m-%d."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
