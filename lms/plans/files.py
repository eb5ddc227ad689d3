"""Evidence files: a private storage (never under MEDIA_URL) and validation by content.

Accepted: PDF, images (JPEG, PNG, WebP, GIF) and office documents (Word, Excel, PowerPoint,
OpenDocument), recognised from their bytes, with an extension that agrees and within the size
limit (`HOCMO_PLANS_EVIDENCE_MAX_MB`). `lms.plans.views.evidence_file` serves them as
attachments with `nosniff`, after the same permission check as the plan page."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.common.files import OFFICE, sniff_mime
from lms.private_storage import PrivateFileStorage

# sniffed mime → extensions that may carry it
ALLOWED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/webp": {".webp"},
    "image/gif": {".gif"},
    "application/msword": {".doc"},
    "application/vnd.ms-excel": {".xls"},
    "application/vnd.ms-powerpoint": {".ppt"},
    OFFICE + "wordprocessingml.document": {".docx"},
    OFFICE + "spreadsheetml.sheet": {".xlsx"},
    OFFICE + "presentationml.presentation": {".pptx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
    "application/vnd.oasis.opendocument.presentation": {".odp"},
}
# Legacy Office files are OLE containers: filetype may name any of the three for any of them.
OLE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}


class EvidenceStorage(PrivateFileStorage):
    root_setting = "HOCMO_PLANS_FILES_ROOT"
    media_suffix = "plans"


evidence_storage = EvidenceStorage()


def evidence_upload_to(instance, filename: str) -> str:
    # A random folder: the name a user typed never decides where the file lands.
    return f"evidence/{uuid.uuid4().hex}/{os.path.basename(filename)[-120:]}"


def max_bytes() -> int:
    return int(settings.HOCMO_PLANS_EVIDENCE_MAX_MB) * 1024 * 1024


def validate_evidence_file(upload) -> str:
    """The sniffed mime type of an acceptable upload; ValidationError (Vietnamese) otherwise."""
    if upload.size > max_bytes():
        raise ValidationError(_("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.")
                              % {"name": upload.name, "mb": max_bytes() // (1024 * 1024)})
    mime = sniff_mime(upload)
    if mime not in ALLOWED:
        raise ValidationError(_("Tệp “%(name)s” không được nhận: chỉ nhận PDF, ảnh hoặc văn bản "
                                "Word, Excel, PowerPoint (theo nội dung tệp).")
                              % {"name": upload.name})
    extension = os.path.splitext(upload.name)[1].lower()
    allowed = set().union(*(ALLOWED[m] for m in OLE)) if mime in OLE else ALLOWED[mime]
    if extension not in allowed:
        raise ValidationError(_("Phần mở rộng của tệp “%(name)s” không khớp với nội dung tệp.")
                              % {"name": upload.name})
    return mime
