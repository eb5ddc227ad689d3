"""Entry attachments: a private storage (no public URL; served only by a view that checks the
viewer, as an attachment with `nosniff`) and validation by content, never by name or type."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.private_storage import PrivateFileStorage

PDF_MAGIC = b"%PDF-"
MAX_IMAGES = 6


class ContestFileStorage(PrivateFileStorage):
    root_setting = "HOCMO_CONTEST_FILES_ROOT"
    media_suffix = "contests"


contest_storage = ContestFileStorage()


def contest_upload_to(instance, filename: str) -> str:
    # A random name: the learner's file name is kept only as a label.
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"entries/{instance.entry_id}/{uuid.uuid4().hex}{extension}"


def validate_pdf(upload) -> None:
    """A pitch deck: a real PDF (magic bytes at the start), within the size limit."""
    limit_mb = settings.HOCMO_CONTEST_MAX_UPLOAD_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(_("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": limit_mb})
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if not head.lstrip()[:5] == PDF_MAGIC:
        raise ValidationError(_("Bài thuyết trình phải là tệp PDF (nội dung tệp không phải "
                                "PDF)."))


def prepare_image(upload):
    """An image, decoded by Pillow and re-encoded as JPEG without metadata (photos of minors
    must not carry GPS). Reuses the class-news photo pipeline. Returns a ContentFile."""
    from lms.families.images import photo_prepare

    content, _w, _h = photo_prepare(upload)
    return content
