"""Statement attachments stored (parsed and matched in lms/xapi/attachments.py)."""

from ..models import Attachment


def attachments_save(files: dict | None) -> None:
    """Called inside the statements' transaction; a file already stored is kept."""
    if files:
        Attachment.objects.bulk_create(
            [Attachment(sha2=sha2, content_type=ctype[:255], length=len(data), content=data)
             for sha2, (ctype, data) in files.items()], ignore_conflicts=True)
