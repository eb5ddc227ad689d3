"""The one MultipleFileField (issue 17 item 6): several files clean to a list."""

from django.core.files.uploadedfile import SimpleUploadedFile

from lms.common.forms import MultipleFileField


def test_cleans_to_a_list():
    field = MultipleFileField(required=False)
    one = SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    two = SimpleUploadedFile("b.pdf", b"%PDF-1.4")
    assert field.clean([one, two]) == [one, two]
    assert field.clean(one) == [one]
    assert field.clean(None) == []
    assert field.widget.allow_multiple_selected
