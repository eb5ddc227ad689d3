"""X-Request-ID: the proxy's when it looks valid, else a new one; echoed in the response and in
the JSON log line of the request."""

import io
import json
import logging

import pytest
from pythonjsonlogger.json import JsonFormatter

from lms.ops.requestid import RequestIdFilter, current_request_id
from lms.settings.ops import logging_config

NGINX_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def test_valid_proxy_id_is_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=NGINX_ID)
    assert response["X-Request-ID"] == NGINX_ID


def test_invalid_or_missing_id_is_replaced(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32 and made != NGINX_ID
    for bad in ("short", "x" * 200, "evil\r\nSet-Cookie: a=b", "id with spaces here"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID=bad)
        assert response["X-Request-ID"] != bad
        assert len(response["X-Request-ID"]) == 32
    assert client.get("/healthz")["X-Request-ID"] != made  # a new one per request


@pytest.mark.django_db
def test_json_log_line_carries_the_request_id(client):
    config = logging_config("json", "WARNING")
    fields = config["formatters"]["hocmo"]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter(fields["fmt"], rename_fields=fields["rename_fields"]))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/no-such-page-here/", HTTP_X_REQUEST_ID=NGINX_ID)
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    assert response["X-Request-ID"] == NGINX_ID
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines, "the 404 was not logged"
    line = lines[-1]
    assert line["request_id"] == NGINX_ID
    assert line["level"] == "WARNING" and line["logger"] == "django.request"
    assert "/no-such-page-here/" in line["message"]


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None)
    token = current_request_id.set("-")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    assert record.request_id == "-"


def test_text_format_also_carries_the_id():
    assert "%(request_id)s" in logging_config("text", "INFO")["formatters"]["hocmo"]["format"]
