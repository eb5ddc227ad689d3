"""Hostile input refused at the edge, before any cache, session or view work: NUL anywhere in
the path, query or form fields, and JSON bodies the admin would parse itself."""

import logging
from typing import Any
from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import get_resolver
from django.utils.translation import gettext as _

from lms.jsonio import JSONInputError, json_read

logger = logging.getLogger("django.security.hostile_input")

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MACHINE_PREFIXES = ("/xapi/", "/api/", "/progress/")
# The LRS reads its request bodies itself (documents are stored as bytes, statements through
# lms.jsonio); parsing them as a form here would leave request.body unreadable to it.
RAW_BODY_PREFIXES = ("/xapi/",)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def _has_nul(value: str) -> bool:
    return "\x00" in value


def request_has_nul(request) -> bool:
    """NUL (%00) in the path, the query string, or a form field's name or value. PostgreSQL
    refuses NUL in text, so a NUL that reached a query would be a 500; no legitimate client
    sends one."""
    if _has_nul(request.path_info):
        return True
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in query or b"\x00" in unquote_to_bytes(query):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES \
            and not request.path_info.startswith(RAW_BODY_PREFIXES):
        # The CSRF check reads request.POST for these anyway; file contents are not looked at.
        try:
            fields = request.POST.lists()
        except MultiPartParserError as exc:  # a broken upload is a bad request, not a 500
            raise BadRequest(str(exc)) from None
        for key, values in fields:
            if _has_nul(key) or any(_has_nul(v) for v in values):
                return True
    return False


def admin_json_refusal(request) -> str | None:
    """Wagtail's admin reads a few JSON bodies itself with json.loads (dismissibles): they pass
    through lms.jsonio first, so a deep, non-finite or NUL-bearing body is a 400 there too."""
    if request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json" \
            and request.path_info.startswith(ADMIN_PREFIXES):
        try:
            json_read(request.body)
        except JSONInputError as exc:
            return exc.message
    return None


class RefuseNulMiddleware:
    """400 for a request carrying NUL: a JSON body on the machine endpoints, else the 400
    page (Django's handler400, templates/400.html)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            refused = request_has_nul(request)
        except BadRequest as exc:
            return _bad_request(request, str(exc))
        if refused:
            logger.warning("Refused a request with NUL: %r", request.path_info[:200])
            return _bad_request(request, _("Yêu cầu chứa ký tự NUL, không được chấp nhận."))
        problem = admin_json_refusal(request)
        if problem:
            return JsonResponse({"detail": problem}, status=400,
                                json_dumps_params={"ensure_ascii": False})
        return self.get_response(request)


def _bad_request(request, message: str):
    if request.path_info.startswith(MACHINE_PREFIXES):
        return JsonResponse({"detail": message}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    handler: Any = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(400)
    return handler(request, BadRequest(message))
