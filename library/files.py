"""Library files: a private storage (never served by the media URL) and validation by content.

Files are served only through `library.views.item_file`, which sets Content-Disposition and
`nosniff`; only PDFs (and audio/video for the native players) may be shown inline."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.common.files import sniff_mime
from lms.private_storage import PrivateFileStorage

# kind → (mime types accepted by content sniffing, file extensions)
ALLOWED = {
    "pdf": ({"application/pdf"}, {".pdf"}),
    "epub": ({"application/epub+zip"}, {".epub"}),
    "audio": ({"audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/ogg", "audio/x-wav",
               "audio/wav"}, {".mp3", ".m4a", ".ogg", ".oga", ".wav"}),
    "video": ({"video/mp4", "video/webm", "video/quicktime"}, {".mp4", ".webm", ".m4v"}),
}
# Shown inline from our origin: PDFs (Chromium's viewer does not run the PDF's scripts in our
# origin) and media for the <audio>/<video> players. EPUB (a zip of HTML) is always a download.
INLINE_KINDS = {"pdf", "audio", "video"}


class LibraryFileStorage(PrivateFileStorage):
    root_setting = "HOCMO_LIBRARY_FILES_ROOT"
    media_suffix = "library"


library_storage = LibraryFileStorage()


def sniff_kind(fileobj) -> tuple[str | None, str | None]:
    """(kind, mime) from the file's first bytes, or (None, None)."""
    mime = sniff_mime(fileobj)
    if mime is None:
        return None, None
    for kind, (mimes, _ext) in ALLOWED.items():
        if mime in mimes:
            return kind, mime
    return None, mime


def validate_library_file(upload) -> None:
    """Accepts PDF, EPUB, audio and video by their content, within the size limit, with an
    extension that agrees with the content."""
    limit = settings.HOCMO_LIBRARY_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(_("Tệp quá lớn: tối đa %(mb)s MB.")
                              % {"mb": settings.HOCMO_LIBRARY_MAX_UPLOAD_MB})
    kind, mime = sniff_kind(upload)
    if kind is None:
        raise ValidationError(_("Chỉ nhận tệp PDF, EPUB, âm thanh hoặc video (nội dung tệp "
                                "không phải loại được phép)."))
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED[kind][1]:
        raise ValidationError(_("Phần mở rộng “%(ext)s” không khớp với nội dung tệp (%(kind)s).")
                              % {"ext": extension or "—", "kind": kind.upper()})


def library_upload_to(instance, filename: str) -> str:
    base = os.path.basename(filename)
    item = getattr(instance, "item", None) or instance  # a LibraryItemFile files under its item
    return f"items/{getattr(item, 'slug', '') or 'tai-lieu'}/{base}"
