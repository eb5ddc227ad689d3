"""The API's JSON parser reads bodies through lms.jsonio, like every other JSON endpoint: no
NaN/Infinity/overflowing numbers, a depth limit, no NUL; a refusal is DRF's 400 ParseError."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from lms.jsonio import JSONInputError, json_read


class StrictJSONParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None and limit else (
            stream.read() if stream is not None else b"")
        if limit and len(raw) > limit:
            raise ParseError(_("Nội dung JSON quá lớn."))
        try:
            return json_read(raw)
        except JSONInputError as exc:
            raise ParseError(_("JSON không hợp lệ — %(path)s: %(message)s")
                             % {"path": exc.path, "message": exc.message}) from None
