"""The xAPI HTTP surface: thin views over services and selectors. Every response carries
X-Experience-API-Version (2.0.0 when the request spoke 2.0.x, else 1.0.3); statement responses
carry X-Experience-API-Consistent-Through (statements are written synchronously, so it is
"now") and GET ones Last-Modified (required by 2.0, harmless under 1.0.3)."""

import functools
from typing import Any

from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lms.units.access import PUBLIC, SIGNED_IN, declare

from .alternate import alternate_request_apply
from .attachments import multipart_response, statements_body
from .auth import NotAuthenticated, principal_for
from .formats import statement_format
from .selectors import flag_param, statement_by_id, statements_query
from .services import Conflict, Principal, Refused, agent_for_user, statements_store
from .validation import Invalid, agent_key
from .versions import ABOUT_VERSIONS, V2, rules_for

READ_SCOPES = ("statements/read", "all/read")


def _error(status: int, detail: str, fields: dict | None = None) -> JsonResponse:
    body: dict[str, Any] = {"detail": detail}
    if fields:
        body["fields"] = fields
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def xapi_endpoint(methods: tuple[str, ...], *, auth: bool = True, consistent: bool = False):
    """`consistent`: every answer, errors included, carries X-Experience-API-Consistent-Through
    (1.0.3 Communication 2.1.3 and 2.0 4.1.6.1: "on all responses to Statement requests")."""
    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                alternate_request_apply(request)
            except Invalid as exc:
                request.xapi_rules = None
                response = _invalid(exc)
            else:
                request.xapi_rules = rules_for(request.headers.get("X-Experience-API-Version", ""))
                response = _handle(view, methods, auth, request, *args, **kwargs)
            # Without a (valid) header the LRS cannot know what the client speaks: it answers
            # with the newest version it speaks (the 2.0 suite, XAPI-00331, expects 2.0.0 on
            # the 400; About, the one resource reachable without a header, lists both).
            response["X-Experience-API-Version"] = (request.xapi_rules or V2).header
            if consistent:
                _consistent(response)
            return response
        return declare(wrapper, SIGNED_IN if auth else PUBLIC)
    return decorate


def _invalid(exc: Invalid) -> JsonResponse:
    return _error(400, _("Dữ liệu xAPI không hợp lệ: %(path)s %(message)s")
                  % {"path": exc.path, "message": exc.message}, {exc.path: exc.message})


def _handle(view, methods, auth, request, *args, **kwargs):
    if request.method not in methods:
        response = _error(405, _("Phương thức không được hỗ trợ."))
        response["Allow"] = ", ".join(methods)
        return response
    if auth:
        if request.xapi_rules is None:
            return _error(400, _("Thiếu hoặc sai tiêu đề X-Experience-API-Version (1.0.x hoặc "
                                 "2.0.x)."))
        try:
            request.principal = principal_for(request)
        except NotAuthenticated:
            response = _error(401, _("Cần đăng nhập hoặc thông tin xác thực HTTP Basic."))
            response["WWW-Authenticate"] = 'Basic realm="HocMo xAPI"'
            return response
        except PermissionError:
            return _error(403, _("Thiếu mã CSRF."))
    try:
        return view(request, *args, **kwargs)
    except Invalid as exc:
        return _invalid(exc)
    except Conflict as exc:
        return _error(409, str(exc))
    except Refused as exc:
        return _error(403, str(exc))


def require_scope(principal: Principal, *scopes: str) -> None:
    if principal.client is not None and not principal.client.has_scope(*scopes):
        raise Refused(_("Công cụ này không có quyền %(scope)s.") % {"scope": scopes[0]})


def _visible(principal: Principal) -> Q:
    if principal.client is None:  # a learner reads their own statements only
        return Q(actor_key=agent_key(agent_for_user(principal.user)))
    if principal.client.has_scope(*READ_SCOPES):
        return Q()
    return Q(client=principal.client)


def _consistent(response):
    response["X-Experience-API-Consistent-Through"] = timezone.now().isoformat()
    return response


@xapi_endpoint(("GET", "HEAD"), auth=False)
def about(request):
    return JsonResponse({"version": ABOUT_VERSIONS,
                         "extensions": {"https://hocmo.vn/xapi/lrs": "HọcMở"}})


@xapi_endpoint(("GET", "HEAD", "POST", "PUT"), consistent=True)
def statements(request):
    principal = request.principal
    if request.method == "PUT":
        require_scope(principal, "statements/write")
        statement_id = request.GET.get("statementId")
        if not statement_id:
            raise Invalid("statementId", _("bắt buộc với PUT."))
        body, files = statements_body(request)
        if not isinstance(body, dict):
            raise Invalid("statement", _("PUT nhận đúng một câu lệnh."))
        statements_store([body], principal, statement_id=statement_id, rules=request.xapi_rules,
                         files=files)
        return HttpResponse(status=204)
    if request.method == "POST":
        require_scope(principal, "statements/write")
        body, files = statements_body(request)
        batch = body if isinstance(body, list) else [body]
        ids = statements_store(batch, principal, as_list=isinstance(body, list),
                               rules=request.xapi_rules, files=files)
        return JsonResponse(ids, safe=False)
    require_scope(principal, "statements/read", "statements/read/mine", "all/read")
    return _statements_get(request, principal)


def _statements_get(request, principal):
    params = request.GET
    visible = _visible(principal)
    with_files = flag_param(params, "attachments")  # multipart answer when true
    fmt = params.get("format", "exact")
    if fmt not in ("exact", "ids", "canonical"):
        raise Invalid("format", _("phải là exact, ids hoặc canonical."))
    language = request.headers.get("Accept-Language", "")
    single = [k for k in ("statementId", "voidedStatementId") if k in params]
    if single:
        extra = set(params) - {single[0], "format", "attachments"}
        if len(single) > 1 or extra:
            raise Invalid(single[0], _("không dùng chung với các bộ lọc khác."))
        row = statement_by_id(params[single[0]], voided=single[0] == "voidedStatementId",
                              visible=visible)
        if row is None:
            return _error(404, _("Không tìm thấy câu lệnh."))
        payload = statement_format(row.payload, fmt, language)
        response = multipart_response(payload, [row.payload]) if with_files \
            else JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
        response["Last-Modified"] = http_date(row.stored.timestamp())
        return response
    rows, cursor = statements_query(params, visible=visible,
                                    needs_offset=request.xapi_rules.timestamp_needs_offset)
    more = ""
    if cursor:
        query = params.copy()
        query["cursor"] = cursor
        more = f"{request.path}?{query.urlencode()}"
    payloads = [statement_format(row.payload, fmt, language) for row in rows]
    document = {"statements": payloads, "more": more}
    response = multipart_response(document, [row.payload for row in rows]) if with_files \
        else JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    # 2.0: the most recent "stored" among the statements returned; with none, the time the
    # answer is consistent through (nothing newer existed then).
    newest = max((row.stored for row in rows), default=timezone.now())
    response["Last-Modified"] = http_date(newest.timestamp())
    return response


@xapi_endpoint(("GET", "HEAD"))
def agents(request):
    if "agent" not in request.GET:
        raise Invalid("agent", _("bắt buộc."))
    from .documents import parse_agent

    agent = parse_agent(request.GET["agent"])
    person: dict[str, Any] = {"objectType": "Person"}
    for key in ("name", "mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            person[key] = [agent[key]]
    return JsonResponse(person)


@xapi_endpoint(("GET", "HEAD"))
def activities(request):
    from .selectors import activity_definition
    from .validation import check_iri

    activity_id = check_iri(request.GET.get("activityId"), "activityId")
    definition = activity_definition(activity_id)
    return JsonResponse({"objectType": "Activity", "id": activity_id,
                         **({"definition": definition} if definition else {})},
                        json_dumps_params={"ensure_ascii": False})
