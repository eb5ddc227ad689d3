"""Class-news photos: validated by decoding (not by name), resized server-side and re-encoded
as JPEG with no metadata at all, so EXIF (camera, GPS location) never reaches parents."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 1280
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000  # refuses decompression bombs before decoding
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def photo_prepare(upload) -> tuple[ContentFile, int, int]:
    """Returns (jpeg file, width, height) or raises ValidationError with a Vietnamese message."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Ảnh quá lớn (tối đa 10 MB)."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            fmt = probe.format
            width, height = probe.size
            probe.verify()
        if fmt not in ALLOWED_FORMATS:
            raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."))
        if width * height > MAX_SOURCE_PIXELS:
            raise ValidationError(_("Ảnh có kích thước quá lớn."))
        upload.seek(0)
        with Image.open(upload) as source:
            image = ImageOps.exif_transpose(source)  # keep the visual orientation, drop the tag
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            clean = Image.new("RGB", image.size)
            clean.paste(image)  # a fresh image carries no info/exif from the source
            out = io.BytesIO()
            clean.save(out, format="JPEG", quality=82, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("Tệp tải lên không phải là ảnh hợp lệ.")) from exc
    return ContentFile(out.getvalue()), clean.width, clean.height
