"""A stand-in virus scanner for tests (HOCMO_CLASSROOM_FILE_SCANNER names it)."""

from django.core.exceptions import ValidationError


def refuse_all(upload) -> None:
    raise ValidationError("Tệp bị trình quét virus từ chối.")
