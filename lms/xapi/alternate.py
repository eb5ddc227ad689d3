"""Alternate Request Syntax (xAPI 1.0.3 Communication 1.3; removed in 2.0): a client that
cannot send arbitrary methods or headers (an old browser without CORS) POSTs to
`<resource>?method=PUT` with a form-encoded body whose fields carry the headers
(Authorization, X-Experience-API-Version, Content-Type, Content-Length, If-Match,
If-None-Match), the body (`content`) and the resource's own query parameters. The request is
rewritten here, before the view sees it, so every resource supports it the same way.

Rules (1.0.3 Communication 1.3, and the suite's XAPI-00336): only a POST may carry `method`; no
query parameter other than `method`; the body must be form-encoded; a PUT or POST without a
`content` field is refused. Under 2.0 (the request's real header, else the form's) any
`method` parameter is refused. A header the request really carries wins over the same
header in the form (the suite posts a form `X-Experience-API-Version: 0.8` next to a real
`1.0.3` one and expects the statement stored)."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from .validation import Invalid

HEADER_FIELDS = {"authorization": "HTTP_AUTHORIZATION",
                 "x-experience-api-version": "HTTP_X_EXPERIENCE_API_VERSION",
                 "content-type": "CONTENT_TYPE", "content-length": "CONTENT_LENGTH",
                 "if-match": "HTTP_IF_MATCH", "if-none-match": "HTTP_IF_NONE_MATCH"}
METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")
FORM = "application/x-www-form-urlencoded"


def alternate_request_apply(request) -> None:
    """Rewrites `request` in place when it uses the alternate syntax; raises Invalid (400)."""
    if "method" not in request.GET:
        return
    if request.method != "POST":
        raise Invalid("method", _("cú pháp thay thế chỉ dùng với POST."))
    real_version = request.META.get("HTTP_X_EXPERIENCE_API_VERSION", "")
    extra = sorted(set(request.GET) - {"method"})
    if extra:
        raise Invalid(extra[0], _("cú pháp thay thế chỉ nhận tham số method trên URL."))
    if (request.content_type or "").lower() != FORM:
        raise Invalid("Content-Type", _("cú pháp thay thế cần thân dạng %(form)s.")
                      % {"form": FORM})
    try:
        form = QueryDict(request.body.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        raise Invalid("content", _("thân yêu cầu không phải UTF-8.")) from None
    fields = {key.lower(): key for key in form}
    version = real_version or form.get(fields.get("x-experience-api-version", ""), "")
    if version.startswith("2."):
        raise Invalid("method", _("xAPI 2.0 đã bỏ cú pháp thay thế (Alternate Request "
                                  "Syntax)."))
    method = request.GET["method"].upper()
    if method not in METHODS:
        raise Invalid("method", _("phải là GET, HEAD, PUT, POST hoặc DELETE."))
    content = form.get("content")
    if method in ("PUT", "POST") and content is None:
        raise Invalid("content", _("bắt buộc với cú pháp thay thế."))
    params = QueryDict(mutable=True)
    for key in form:
        if key == "content" or key.lower() in HEADER_FIELDS:
            continue
        params.setlist(key, form.getlist(key))
    request.META["CONTENT_TYPE"] = "application/json"
    for lower, meta in HEADER_FIELDS.items():
        if lower not in fields or (meta.startswith("HTTP_") and request.META.get(meta)):
            continue  # absent from the form, or a header the request really carries
        request.META[meta] = form[fields[lower]]
    body = (content or "").encode()
    request.META["CONTENT_LENGTH"] = str(len(body))
    request.META["REQUEST_METHOD"] = request.method = method
    request.GET = params
    request._body = body
    for cached in ("_post", "_files", "headers"):
        request.__dict__.pop(cached, None)
    request._set_content_type_params(request.META)
