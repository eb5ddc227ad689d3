"""Files of assignments and hand-ins: a private storage (never under MEDIA_URL), the type
decided by the bytes (`lms.common.files.sniff_mime`) with an extension that agrees, a size cap
(`HOCMO_CLASSROOM_MAX_UPLOAD_MB`) and the deployment's virus scanner
(`HOCMO_CLASSROOM_FILE_SCANNER`: a dotted path to a callable taking the upload, which raises
`ValidationError` to refuse it; default `scan_none`, which accepts everything)."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lms.common.files import OFFICE, sniff_mime
from lms.private_storage import PrivateFileStorage

# sniffed mime → extensions that may carry it: photos from phones, PDF, office documents.
ALLOWED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/webp": {".webp"},
    "image/heic": {".heic", ".heif"},
    "image/gif": {".gif"},
    OFFICE + "wordprocessingml.document": {".docx"},
    OFFICE + "spreadsheetml.sheet": {".xlsx"},
    OFFICE + "presentationml.presentation": {".pptx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
}
IMAGES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


class ClassroomStorage(PrivateFileStorage):
    root_setting = "HOCMO_CLASSROOM_FILES_ROOT"
    media_suffix = "classroom"


classroom_storage = ClassroomStorage()


def upload_to(instance, filename: str) -> str:
    # A random folder: the name a learner typed never decides where the file lands.
    return f"classroom/{uuid.uuid4().hex}/{os.path.basename(filename)[-120:]}"


def max_bytes() -> int:
    return int(settings.HOCMO_CLASSROOM_MAX_UPLOAD_MB) * 1024 * 1024


def scan_none(upload) -> None:
    """The default scanner: accepts every file (a deployment names its own)."""


def scanner():
    return import_string(settings.HOCMO_CLASSROOM_FILE_SCANNER or
                         "lms.classroom.files.scan_none")


def validate_upload(upload) -> str:
    """The sniffed mime type of an acceptable upload; ValidationError (Vietnamese) otherwise."""
    if upload.size > max_bytes():
        raise ValidationError(_("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.")
                              % {"name": upload.name, "mb": max_bytes() // (1024 * 1024)})
    mime = sniff_mime(upload)
    if mime not in ALLOWED:
        raise ValidationError(_("Tệp “%(name)s” không được nhận: chỉ nhận ảnh, PDF hoặc văn bản "
                                "Word, Excel, PowerPoint (theo nội dung tệp).")
                              % {"name": upload.name})
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED[mime]:
        raise ValidationError(_("Phần mở rộng của tệp “%(name)s” không khớp với nội dung tệp.")
                              % {"name": upload.name})
    scanner()(upload)
    return mime
