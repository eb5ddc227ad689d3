"""Statement validation per xAPI 1.0.3 (Data, section 2.4) and, where it differs, xAPI 2.0
(IEEE 9274.1.1-2023; the differences are named in versions.Rules). Each problem raises Invalid
with the JSON path of the property and the rule, in Vietnamese."""

import re
import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from .interactions import check_interaction
from .versions import V1, Rules

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
                  "authority", "version", "attachments", "objectType"}
SUBSTATEMENT_KEYS = {"objectType", "actor", "verb", "object", "result", "context", "timestamp",
                     "attachments"}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"}
IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}
CONTEXT_KEYS = {"registration", "instructor", "team", "contextActivities", "revision",
                "platform", "language", "statement", "extensions"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
ACTIVITY_KEYS = {"objectType", "id", "definition"}
DEFINITION_KEYS = {"name", "description", "type", "moreInfo", "extensions", "interactionType",
                   "correctResponsesPattern", "choices", "scale", "source", "target", "steps"}
# ISO 8601:2004 4.4.3.2: weeks stand alone ("P4W", never "P4W1D").
DURATION = re.compile(r"^P(?:\d+(?:\.\d+)?W|(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?"
                      r"(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?"
                      r"(\d+(?:\.\d+)?S)?)?)$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
SHA1 = re.compile(r"^[0-9a-fA-F]{40}$")
SHA2 = re.compile(r"^(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$")
ATTACHMENT_KEYS = {"usageType", "display", "description", "contentType", "length", "sha2",
                   "fileUrl"}
# RFC 3339 (a profile of ISO 8601) also allows a space between date and time. The offset is
# optional under 1.0.3 (a SHOULD; read as UTC) and required under 2.0.
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?"
                       r"(?P<offset>Z|[+-]\d\d(:?\d\d)?)?$")
UNKNOWN_OFFSET = re.compile(r"^-00(:?00)?$")  # RFC 3339 4.3: "-00:00" means "offset unknown"
CONTEXT_AGENT_KEYS = {"objectType", "agent", "relevantTypes"}
CONTEXT_GROUP_KEYS = {"objectType", "group", "relevantTypes"}


class Invalid(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _object(value, path: str) -> dict:
    if not isinstance(value, dict):
        raise Invalid(path, _("phải là một đối tượng JSON."))
    return value


def _keys(value: dict, allowed: set, path: str) -> None:
    extra = sorted(set(value) - allowed)
    if extra:
        raise Invalid(f"{path}.{extra[0]}", _("thuộc tính không có trong đặc tả xAPI."))


def check_iri(value, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise Invalid(path, _("phải là một IRI (chuỗi không rỗng)."))
    parts = urlsplit(value)
    if not parts.scheme or " " in value or not re.match(r"^[A-Za-z][\w+.-]*$", parts.scheme):
        raise Invalid(path, _("“%(value)s” không phải IRI có scheme.") % {"value": value[:80]})
    return value


def check_uuid(value, path: str) -> str:
    try:
        return str(uuid.UUID(str(value))) if isinstance(value, str) else _bad_uuid(path)
    except ValueError:
        return _bad_uuid(path)


def _bad_uuid(path):
    raise Invalid(path, _("phải là UUID."))


def check_timestamp(value, path: str, *, needs_offset: bool = False) -> datetime:
    """An aware datetime; a timestamp without offset (allowed when not `needs_offset`) is UTC."""
    match = TIMESTAMP.match(value) if isinstance(value, str) else None
    if not match:
        raise Invalid(path, _("phải là thời điểm ISO 8601 (RFC 3339)."))
    offset = match.group("offset")
    if offset is None and needs_offset:
        raise Invalid(path, _("xAPI 2.0 yêu cầu thời điểm có múi giờ (ví dụ Z hoặc +07:00)."))
    if offset is not None and UNKNOWN_OFFSET.match(offset):
        raise Invalid(path, _("múi giờ “-00:00” (không rõ múi giờ) không được chấp nhận."))
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(path, _("phải là thời điểm ISO 8601 (RFC 3339).")) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _language_map(value, path: str) -> None:
    _object(value, path)
    for tag, text in value.items():
        if not LANGUAGE_TAG.match(tag) or not isinstance(text, str):
            raise Invalid(f"{path}.{tag}", _("phải là mã ngôn ngữ RFC 5646 và một chuỗi."))


def _extensions(value, path: str) -> None:
    for key in _object(value, path):
        check_iri(key, f"{path}.{key}")


def check_agent(value, path: str, *, allow_group: bool = True) -> dict:
    agent = _object(value, path)
    _keys(agent, AGENT_KEYS, path)
    kind = agent.get("objectType", "Agent")
    if kind not in ("Agent", "Group") or (kind == "Group" and not allow_group):
        raise Invalid(f"{path}.objectType", _("phải là Agent hoặc Group."))
    ifis = [k for k in IFI_KEYS if k in agent]
    if len(ifis) > 1:
        raise Invalid(path, _("chỉ được có một định danh (mbox, mbox_sha1sum, openid, account)."))
    if not ifis and not (kind == "Group" and isinstance(agent.get("member"), list)):
        raise Invalid(path, _("thiếu định danh (mbox, mbox_sha1sum, openid hoặc account)."))
    if "name" in agent and not isinstance(agent["name"], str):
        raise Invalid(f"{path}.name", _("phải là chuỗi."))
    if "mbox" in agent and (not isinstance(agent["mbox"], str)
                            or not re.match(r"^mailto:[^@\s]+@[^@\s]+$", agent["mbox"])):
        raise Invalid(f"{path}.mbox", _("phải có dạng mailto:địa-chỉ@email."))
    if "mbox_sha1sum" in agent and not SHA1.match(str(agent["mbox_sha1sum"])):
        raise Invalid(f"{path}.mbox_sha1sum", _("phải là SHA1 dạng hex (40 ký tự)."))
    if "openid" in agent:
        check_iri(agent["openid"], f"{path}.openid")
    if "account" in agent:
        account = _object(agent["account"], f"{path}.account")
        _keys(account, {"homePage", "name"}, f"{path}.account")
        check_iri(account.get("homePage"), f"{path}.account.homePage")
        if not isinstance(account.get("name"), str) or not account["name"]:
            raise Invalid(f"{path}.account.name", _("phải là chuỗi không rỗng."))
    if "member" in agent:
        if kind != "Group" or not isinstance(agent["member"], list):
            raise Invalid(f"{path}.member", _("chỉ Group có member, và phải là danh sách."))
        for i, member in enumerate(agent["member"]):
            check_agent(member, f"{path}.member[{i}]", allow_group=False)
    return agent


def agent_key(agent: dict) -> str:
    """A canonical string for an agent's identifier, used as the indexed actor column."""
    if "account" in agent:
        return f"account:{agent['account'].get('homePage')}|{agent['account'].get('name')}"[:255]
    for key in ("mbox", "mbox_sha1sum", "openid"):
        if key in agent:
            return f"{key}:{agent[key]}"[:255]
    return "group:anonymous"


def _activity(value, path: str) -> None:
    _keys(value, ACTIVITY_KEYS, path)
    check_iri(value.get("id"), f"{path}.id")
    if "definition" in value:
        definition = _object(value["definition"], f"{path}.definition")
        _keys(definition, DEFINITION_KEYS, f"{path}.definition")
        for key in ("name", "description"):
            if key in definition:
                _language_map(definition[key], f"{path}.definition.{key}")
        for key in ("type", "moreInfo"):
            if key in definition:
                check_iri(definition[key], f"{path}.definition.{key}")
        if "extensions" in definition:
            _extensions(definition["extensions"], f"{path}.definition.extensions")
        check_interaction(definition, f"{path}.definition", invalid=Invalid,
                          language_map=_language_map)


def _statement_object(value, path: str, *, in_substatement: bool, rules: Rules) -> None:
    obj = _object(value, path)
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        _activity(obj, path)
    elif kind in ("Agent", "Group"):
        check_agent(obj, path)
    elif kind == "StatementRef":
        _keys(obj, {"objectType", "id"}, path)
        check_uuid(obj.get("id"), f"{path}.id")
    elif kind == "SubStatement" and not in_substatement:
        _keys(obj, SUBSTATEMENT_KEYS, path)
        _core(obj, path, in_substatement=True, rules=rules)
    else:
        raise Invalid(f"{path}.objectType", _("“%(kind)s” không hợp lệ ở đây.") % {"kind": kind})


def _result(value, path: str) -> None:
    result = _object(value, path)
    _keys(result, RESULT_KEYS, path)
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            raise Invalid(f"{path}.{key}", _("phải là true hoặc false."))
    if "duration" in result and not (isinstance(result["duration"], str)
                                     and DURATION.match(result["duration"])):
        raise Invalid(f"{path}.duration", _("phải là khoảng thời gian ISO 8601 (ví dụ PT30S)."))
    if "response" in result and not isinstance(result["response"], str):
        raise Invalid(f"{path}.response", _("phải là chuỗi."))
    if "extensions" in result:
        _extensions(result["extensions"], f"{path}.extensions")
    if "score" in result:
        _score(result["score"], f"{path}.score")


def _score(value, path: str) -> None:
    score = _object(value, path)
    _keys(score, SCORE_KEYS, path)
    for key in SCORE_KEYS & set(score):
        if isinstance(score[key], bool) or not isinstance(score[key], int | float):
            raise Invalid(f"{path}.{key}", _("phải là số."))
    if "scaled" in score and not -1 <= score["scaled"] <= 1:
        raise Invalid(f"{path}.scaled", _("phải nằm trong khoảng -1 đến 1."))
    low, high = score.get("min"), score.get("max")
    if low is not None and high is not None and low > high:
        raise Invalid(f"{path}.min", _("không được lớn hơn max."))
    raw = score.get("raw")
    if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
        raise Invalid(f"{path}.raw", _("phải nằm giữa min và max."))


def _context(value, path: str, object_kind: str, rules: Rules) -> None:
    context = _object(value, path)
    _keys(context, CONTEXT_KEYS | rules.extra_context_keys, path)
    for key, kind in (("contextAgents", "contextAgent"), ("contextGroups", "contextGroup")):
        if key in context:
            _context_actors(context[key], f"{path}.{key}", kind)
    if "registration" in context:
        check_uuid(context["registration"], f"{path}.registration")
    for key in ("instructor", "team"):
        if key in context:
            check_agent(context[key], f"{path}.{key}")
    if "team" in context and context["team"].get("objectType") != "Group":
        raise Invalid(f"{path}.team", _("phải là Group."))
    if object_kind != "Activity" and ({"revision", "platform"} & set(context)):
        raise Invalid(f"{path}.revision", _("chỉ dùng khi đối tượng là Activity."))
    for key in ("revision", "platform"):
        if key in context and not isinstance(context[key], str):
            raise Invalid(f"{path}.{key}", _("phải là chuỗi."))
    if "language" in context and not (isinstance(context["language"], str)
                                      and LANGUAGE_TAG.match(context["language"])):
        raise Invalid(f"{path}.language", _("phải là mã ngôn ngữ RFC 5646."))
    if "statement" in context:
        ref = _object(context["statement"], f"{path}.statement")
        if ref.get("objectType") != "StatementRef":
            raise Invalid(f"{path}.statement.objectType", _("phải là StatementRef."))
        check_uuid(ref.get("id"), f"{path}.statement.id")
    if "extensions" in context:
        _extensions(context["extensions"], f"{path}.extensions")
    if "contextActivities" in context:
        activities = _object(context["contextActivities"], f"{path}.contextActivities")
        _keys(activities, CONTEXT_ACTIVITY_KEYS, f"{path}.contextActivities")
        for key, items in activities.items():
            for i, item in enumerate(items if isinstance(items, list) else [items]):
                _activity(_object(item, f"{path}.contextActivities.{key}[{i}]"),
                          f"{path}.contextActivities.{key}[{i}]")


def _context_actors(items, path: str, kind: str) -> None:
    """xAPI 2.0 contextAgents / contextGroups: [{objectType, agent|group, relevantTypes?}]."""
    if not isinstance(items, list):
        raise Invalid(path, _("phải là danh sách đối tượng %(kind)s.") % {"kind": kind})
    member = "agent" if kind == "contextAgent" else "group"
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        item = _object(item, where)
        _keys(item, CONTEXT_AGENT_KEYS if member == "agent" else CONTEXT_GROUP_KEYS, where)
        if item.get("objectType") != kind:
            raise Invalid(f"{where}.objectType", _("phải là “%(kind)s”.") % {"kind": kind})
        if member not in item:
            raise Invalid(f"{where}.{member}", _("bắt buộc."))
        actor = check_agent(item[member], f"{where}.{member}", allow_group=member == "group")
        if member == "group" and actor.get("objectType") != "Group":
            raise Invalid(f"{where}.group.objectType", _("phải là Group."))
        if "relevantTypes" in item:
            types = item["relevantTypes"]
            if not isinstance(types, list) or not types:
                raise Invalid(f"{where}.relevantTypes", _("phải là danh sách IRI không rỗng."))
            for j, iri in enumerate(types):
                check_iri(iri, f"{where}.relevantTypes[{j}]")


def _attachments(items, path: str) -> None:
    """The attachment objects (Data 2.4.11); their bytes are matched in attachments.py."""
    if not isinstance(items, list):
        raise Invalid(path, _("phải là danh sách."))
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        _keys(_object(item, where), ATTACHMENT_KEYS, where)
        check_iri(item.get("usageType"), f"{where}.usageType")
        _language_map(item.get("display"), f"{where}.display")
        if "description" in item:
            _language_map(item["description"], f"{where}.description")
        if not isinstance(item.get("contentType"), str) or "/" not in item["contentType"]:
            raise Invalid(f"{where}.contentType", _("phải là kiểu MIME (ví dụ image/png)."))
        if isinstance(item.get("length"), bool) or not isinstance(item.get("length"), int) \
                or item["length"] < 0:
            raise Invalid(f"{where}.length", _("phải là số nguyên không âm."))
        if not isinstance(item.get("sha2"), str) or not SHA2.match(item["sha2"]):
            raise Invalid(f"{where}.sha2", _("phải là mã SHA-2 dạng hex (SHA-256/384/512)."))
        if "fileUrl" in item:
            check_iri(item["fileUrl"], f"{where}.fileUrl")


def _core(stmt: dict, path: str, *, in_substatement: bool, rules: Rules) -> None:
    if "actor" not in stmt:
        raise Invalid(f"{path}.actor", _("bắt buộc."))
    check_agent(stmt["actor"], f"{path}.actor")
    verb = _object(stmt.get("verb"), f"{path}.verb")
    _keys(verb, {"id", "display"}, f"{path}.verb")
    check_iri(verb.get("id"), f"{path}.verb.id")
    if "display" in verb:
        _language_map(verb["display"], f"{path}.verb.display")
    if "object" not in stmt:
        raise Invalid(f"{path}.object", _("bắt buộc."))
    _statement_object(stmt["object"], f"{path}.object", in_substatement=in_substatement,
                      rules=rules)
    if "result" in stmt:
        _result(stmt["result"], f"{path}.result")
    if "context" in stmt:
        _context(stmt["context"], f"{path}.context",
                 stmt["object"].get("objectType", "Activity"), rules)
    if "timestamp" in stmt:
        check_timestamp(stmt["timestamp"], f"{path}.timestamp",
                        needs_offset=rules.timestamp_needs_offset)
    if "attachments" in stmt:
        _attachments(stmt["attachments"], f"{path}.attachments")


def check_statement(stmt, path: str = "statement", *, rules: Rules = V1) -> dict:
    """Validates one statement as a client sends it, under `rules`; returns it unchanged."""
    stmt = _object(stmt, path)
    _keys(stmt, STATEMENT_KEYS, path)
    if stmt.get("objectType", "Statement") != "Statement":
        raise Invalid(f"{path}.objectType", _("phải là Statement."))
    if "id" in stmt:
        check_uuid(stmt["id"], f"{path}.id")
    if "version" in stmt and not (isinstance(stmt["version"], str)
                                  and rules.accepted_statement_version.match(stmt["version"])):
        raise Invalid(f"{path}.version", _("phiên bản 1.0.x hoặc 2.0.x (2.0.x chỉ khi gửi với "
                                           "tiêu đề X-Experience-API-Version 2.0)."))
    _core(stmt, path, in_substatement=False, rules=rules)
    if "authority" in stmt:
        # 1.0.3 Data 2.4.9 / 2.0 4.2.2.10: an Agent, or a Group of two Agents (OAuth). The
        # LRS replaces it with its own, but an invalid one is still a bad request (XAPI-00100).
        authority = check_agent(stmt["authority"], f"{path}.authority")
        if authority.get("objectType") == "Group" and len(authority.get("member") or []) != 2:
            raise Invalid(f"{path}.authority.member",
                          _("authority là Group thì phải có đúng hai Agent (OAuth)."))
    if "stored" in stmt:
        check_timestamp(stmt["stored"], f"{path}.stored")
    if stmt["verb"]["id"] == VOIDED and stmt["object"].get("objectType") != "StatementRef":
        raise Invalid(f"{path}.object", _("câu lệnh hủy (voided) phải trỏ tới một StatementRef."))
    return stmt


def context_activities_as_lists(stmt: dict) -> dict:
    """A copy of a validated statement whose contextActivities values are all arrays (1.0.3
    Data 2.4.6.2 / 2.0 4.2.2.5: a single Activity object is allowed on input, but "the LRS
    MUST return every value in the contextActivities Object as an array"). Also inside a
    SubStatement. The statement as received is left untouched (its signature covers it)."""
    out = dict(stmt)
    context = stmt.get("context")
    if isinstance(context, dict) and isinstance(context.get("contextActivities"), dict):
        activities = {key: items if isinstance(items, list) else [items]
                      for key, items in context["contextActivities"].items()}
        out["context"] = {**context, "contextActivities": activities}
    obj = stmt.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        out["object"] = context_activities_as_lists(obj)
    return out
