"""A request id per request: the proxy's `X-Request-ID` when it looks like one, else a new one;
echoed in the response and added to every log record logged while the request runs."""

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "HTTP_X_REQUEST_ID"
# nginx's $request_id (32 hex), UUIDs, HAProxy's unique-id formats: 8-128 plain characters.
VALID = re.compile(r"[A-Za-z0-9._:+=-]{8,128}")

current_request_id: ContextVar[str] = ContextVar("hocmo_request_id", default="-")


def request_id_for(meta) -> str:
    given = meta.get(HEADER, "")
    if given and VALID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE. The id stays set in this thread (or task) until the next request
    sets its own, so Django's own log lines written after the middleware returns (a 4xx
    response's "Not Found: …") carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = request_id_for(request.META)
        current_request_id.set(rid)
        request.request_id = rid
        response = self.get_response(request)
        response["X-Request-ID"] = rid
        return response


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` ("-" outside a request); attached to the console handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True
