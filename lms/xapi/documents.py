"""State, Activity Profile and Agent Profile resources: documents with ETag concurrency
(If-Match / If-None-Match → 412; a profile overwritten blindly → 409) and JSON merge on POST."""

import json

from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from lms.jsonio import JSONInputError, json_read

from .models import Document, DocumentKind
from .services import Refused, agent_for_user, authority_for
from .services.documents import document_delete, document_save, documents_delete
from .validation import Invalid, agent_key, check_agent, check_iri, check_timestamp, check_uuid
from .views import _error, require_scope, xapi_endpoint

SPEC: dict[str, tuple[tuple[str, ...], str, str]] = {  # kind → (required, id param, scope)
    DocumentKind.STATE: (("activityId", "agent"), "stateId", "state"),
    DocumentKind.ACTIVITY_PROFILE: (("activityId",), "profileId", "profile"),
    DocumentKind.AGENT_PROFILE: (("agent",), "profileId", "profile"),
}


def parse_agent(raw: str, name: str = "agent") -> dict:
    """The Agent (or Group) in a query parameter, read through lms.jsonio."""
    try:
        return check_agent(json_read(raw), name)
    except JSONInputError:
        raise Invalid(name, _("phải là JSON của một Agent.")) from None


def _own_agent_key(principal) -> str | None:
    """Whose State and Agent Profile documents the caller may read and write (xAPI: the `state`
    and `profile` scopes are "limited to the actor associated with the current token"): a
    signed-in learner, their own; a tool, the agent it writes as (its authority); a tool with
    the `all` scope, anyone's (None)."""
    if principal.client is None:
        return agent_key(agent_for_user(principal.user))
    if "all" in (principal.client.scopes or []):
        return None
    return agent_key(authority_for(principal))


def _lookup(request, kind: str) -> dict:
    required, id_param, scope = SPEC[kind]
    params = request.GET
    for name in required:
        if not params.get(name):
            raise Invalid(name, _("bắt buộc."))
    principal = request.principal
    require_scope(principal, scope)
    key = ""
    if "agent" in required:
        key = agent_key(parse_agent(params["agent"]))
        own = _own_agent_key(principal)
        if own is not None and key != own:
            raise Refused(_("Bạn chỉ xem và ghi được dữ liệu của chính mình.")
                          if principal.client is None else
                          _("Công cụ này chỉ xem và ghi được tài liệu của chính nó (agent "
                            "authority của nó); tài liệu của người khác cần quyền all."))
    elif principal.client is None and request.method not in ("GET", "HEAD"):
        raise Refused(_("Người học không được sửa hồ sơ hoạt động."))
    lookup = {"kind": kind, "agent_key": key,
              "activity_id": check_iri(params["activityId"], "activityId")
              if "activityId" in required else ""}
    if kind == DocumentKind.STATE:
        reg = params.get("registration")
        lookup["registration"] = check_uuid(reg, "registration") if reg else ""
    return lookup


def _precondition(request, doc: Document | None, kind: str):
    """ETag concurrency (1.0.3 Communication 3.1; 2.0 4.1.4 Concurrency)."""
    if_match = request.headers.get("If-Match")
    if_none = request.headers.get("If-None-Match")
    if if_match is not None and (doc is None or if_match.strip('"') not in (doc.etag, "*")):
        return _error(412, _("Tài liệu đã thay đổi (ETag không khớp)."))
    if if_none == "*" and doc is not None:
        return _error(412, _("Tài liệu đã tồn tại."))
    if request.method != "PUT" or if_match is not None or if_none is not None:
        return None
    # A blind PUT. Over an existing document: 409 for the profiles under both versions, and
    # for State too under 2.0 (4.1.4 lists State among the resources with concurrency
    # control; 1.0.3 3.1 only names the profiles' PUT as needing a precondition).
    guarded = kind != DocumentKind.STATE or request.xapi_rules.is_2
    if doc is not None and guarded:
        return _error(409, _("Cần If-Match hoặc If-None-Match để ghi đè tài liệu."))
    # Creating a profile without a precondition under 1.0.3: the client broke 3.1's "a
    # client making a PUT request to either the Activity Profile or Agent Profile Resource
    # MUST include the If-Match or If-None-Match header"; the 1.0.3 conformance suite
    # (Communication 2.6, XAPI-00273, "PUT request without an ETag header returns an error")
    # expects 400. The LRS requirements of 3.1 themselves only name the 409 above, and the
    # 2.0 suite does not test this, so 2.0 keeps accepting it.
    if doc is None and kind != DocumentKind.STATE and not request.xapi_rules.is_2:
        return _error(400, _("xAPI 1.0.3: PUT hồ sơ phải có If-Match hoặc If-None-Match "
                             "(dùng If-None-Match: * khi tạo mới)."))
    return None


def _document_view(request, kind: str):
    lookup = _lookup(request, kind)
    id_param = SPEC[kind][1]
    doc_id = request.GET.get(id_param)
    if request.method in ("GET", "HEAD"):
        return _get(request, lookup, doc_id)
    if request.method == "DELETE" and not doc_id and kind == DocumentKind.STATE:
        documents_delete(lookup)
        return HttpResponse(status=204)
    if not doc_id:
        raise Invalid(id_param, _("bắt buộc."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().filter(**lookup, doc_id=doc_id).first()
        failed = _precondition(request, doc, kind)
        if failed:
            return failed
        if request.method == "DELETE":
            if doc:
                document_delete(doc)
            return HttpResponse(status=204)
        content, content_type = request.body, request.content_type or "application/octet-stream"
        if request.method == "POST" and content_type.startswith("application/json"):
            _json_body(content)  # XAPI-00284: invalid JSON under application/json is 400
        if request.method == "POST" and doc is not None:
            content = _merge(doc, content, content_type)
        document_save(doc, lookup, doc_id, content, content_type)
    return HttpResponse(status=204)


def _json_body(content: bytes):
    try:
        return json_read(content)
    except JSONInputError as exc:
        raise Invalid("body", exc.message) from None


def _merge(doc: Document, content: bytes, content_type: str) -> bytes:
    if not (content_type.startswith("application/json")
            and doc.content_type.startswith("application/json")):
        raise Invalid("body", _("POST chỉ gộp được hai tài liệu JSON."))
    try:
        old, new = json_read(bytes(doc.content)), json_read(content)
    except JSONInputError as exc:
        raise Invalid("body", exc.message) from None
    if not isinstance(old, dict) or not isinstance(new, dict):
        raise Invalid("body", _("POST chỉ gộp được hai đối tượng JSON."))
    return json.dumps({**old, **new}, ensure_ascii=False).encode()


def _get(request, lookup, doc_id):
    if doc_id:
        doc = Document.objects.filter(**lookup, doc_id=doc_id).first()
        if doc is None:
            return _error(404, _("Không tìm thấy tài liệu."))
        response = HttpResponse(bytes(doc.content), content_type=doc.content_type)
        response["ETag"] = f'"{doc.etag}"'
        response["Last-Modified"] = doc.updated.strftime("%a, %d %b %Y %H:%M:%S GMT")
        return response
    docs = Document.objects.filter(**lookup)
    if request.GET.get("since"):
        since = check_timestamp(request.GET["since"], "since",
                                needs_offset=request.xapi_rules.timestamp_needs_offset)
        docs = docs.filter(updated__gt=since)
    return JsonResponse(list(docs.order_by("doc_id").values_list("doc_id", flat=True)),
                        safe=False)


METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")


@xapi_endpoint(METHODS)
def state(request):
    return _document_view(request, DocumentKind.STATE)


@xapi_endpoint(METHODS)
def activity_profile(request):
    return _document_view(request, DocumentKind.ACTIVITY_PROFILE)


@xapi_endpoint(METHODS)
def agent_profile(request):
    return _document_view(request, DocumentKind.AGENT_PROFILE)
