"""Statement queries: each filter maps to an indexed column; paging uses a (stored, id) cursor
so a page costs the same at the millionth statement as at the first."""

import base64
import uuid
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lms.jsonio import JSONInputError, json_read

from .models import Statement, StatementRelation
from .validation import Invalid, agent_key, check_agent, check_iri, check_timestamp, check_uuid

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FILTER_PARAMS = {"agent", "verb", "activity", "registration", "since", "until", "limit",
                 "ascending", "format", "attachments", "related_activities", "related_agents",
                 "cursor", "statementId", "voidedStatementId"}


def statement_by_id(statement_id: str, *, voided: bool, visible: Q) -> Statement | None:
    """statementId finds a statement that is not voided; voidedStatementId one that is."""
    sid = check_uuid(statement_id, "voidedStatementId" if voided else "statementId")
    return Statement.objects.filter(visible, id=sid, voided=voided).first()


def _cursor_encode(stored: datetime, sid: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{stored.isoformat()}|{sid}".encode()).decode()


def _cursor_decode(value: str) -> tuple[datetime, uuid.UUID]:
    try:
        stored, sid = base64.urlsafe_b64decode(value.encode()).decode().split("|")
        return datetime.fromisoformat(stored), uuid.UUID(sid)
    except (ValueError, UnicodeDecodeError):
        raise Invalid("cursor", _("không hợp lệ.")) from None


def flag_param(params, name: str) -> bool:
    """A true/false query parameter (default false); anything else is Invalid."""
    value = params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise Invalid(name, _("phải là true hoặc false."))
    return value == "true"


def _match(params) -> Q | None:
    """The filters that are not time or sequence based, as one Q (None: no such filter)."""
    parts = []
    related_agents = flag_param(params, "related_agents")
    related_activities = flag_param(params, "related_activities")
    if "agent" in params:
        try:
            agent = json_read(params["agent"])
        except JSONInputError:
            raise Invalid("agent", _("phải là JSON của một Agent hoặc Group.")) from None
        key = agent_key(check_agent(agent, "agent"))
        # 1.0.3 Communication 2.1.3: "the specified Agent or Group is the Actor or Object".
        agent_q = Q(actor_key=key) | Q(object_agent_key=key)
        if related_agents:
            agent_q |= _authority_q(key) | Q(id__in=StatementRelation.objects.filter(
                kind="agent", key=key).values("statement_id"))
        parts.append(agent_q)
    if "verb" in params:
        parts.append(Q(verb_id=check_iri(params["verb"], "verb")))
    if "activity" in params:
        activity = check_iri(params["activity"], "activity")
        activity_q = Q(activity_id=activity[:255])
        if related_activities:
            activity_q |= Q(id__in=StatementRelation.objects.filter(
                kind="activity", key=activity[:255]).values("statement_id"))
        parts.append(activity_q)
    if "registration" in params:
        parts.append(Q(registration=check_uuid(params["registration"], "registration")))
    if not parts:
        return None
    match = parts[0]
    for part in parts[1:]:
        match &= part
    return match


def _authority_q(key: str) -> Q:
    """Statements whose authority is this agent: the LRS sets the authority from the client
    (services.authority_for), so it is a match on the client column."""
    from .services import home_page

    prefix = f"account:{home_page()}|"
    if not key.startswith(prefix):
        return Q(pk__in=[])
    name = key[len(prefix):]
    if name == "hocmo-lrs":
        return Q(client__isnull=True)
    if name.startswith("client:"):
        return Q(client__key=name[len("client:"):])
    return Q(pk__in=[])


def _targeting(match: Q, visible: Q) -> list:
    """Ids of statements whose object is a StatementRef to a statement matching `match`,
    recursively ("Statement a is a match when a targets b which targets c" and c matches;
    1.0.3 Communication 2.1.3 "Filter Conditions for StatementRefs", 2.0 4.1.6.1). A voided
    target still counts: that is how its voiding statement is found (1.0.3 Data 2.3.2)."""
    found: list = []
    seen: set = set()
    level = list(Statement.objects.filter(
        ref_target__in=Statement.objects.filter(visible, match).values("id"))
        .values_list("id", flat=True))
    while level:
        level = [i for i in level if i not in seen]
        seen.update(level)
        found += level
        if not level:
            break
        level = list(Statement.objects.filter(ref_target__in=level)
                     .values_list("id", flat=True))
    return found


def statements_query(params, *, visible: Q,
                     needs_offset: bool = False) -> tuple[list[Statement], str | None]:
    """(statements of this page, cursor of the next page or None). `needs_offset`: xAPI 2.0
    timestamps, `since` and `until` included, must carry their time zone."""
    unknown = sorted(set(params) - FILTER_PARAMS)
    if unknown:
        raise Invalid(unknown[0], _("tham số không được hỗ trợ."))
    match = _match(params)
    rows: QuerySet = Statement.objects.filter(visible, voided=False)
    if match is not None:
        targeting = _targeting(match, visible)
        rows = rows.filter(match | Q(id__in=targeting) if targeting else match)
    # Time and sequence filters apply to the statement itself, never through a StatementRef.
    for name, lookup in (("since", "stored__gt"), ("until", "stored__lte")):
        if name in params:
            moment = check_timestamp(params[name], name, needs_offset=needs_offset)
            rows = rows.filter(**{lookup: moment})
    if params.get("format", "exact") not in ("exact", "ids", "canonical"):
        raise Invalid("format", _("phải là exact, ids hoặc canonical."))
    try:
        limit = int(params.get("limit", DEFAULT_LIMIT))
    except ValueError:
        raise Invalid("limit", _("phải là số nguyên không âm.")) from None
    if limit < 0:
        raise Invalid("limit", _("phải là số nguyên không âm."))
    limit = MAX_LIMIT if limit == 0 else min(limit, MAX_LIMIT)
    ascending = flag_param(params, "ascending")
    if "cursor" in params:
        stored, sid = _cursor_decode(params["cursor"])
        after = (Q(stored__gt=stored) | Q(stored=stored, id__gt=sid)) if ascending else \
            (Q(stored__lt=stored) | Q(stored=stored, id__lt=sid))
        rows = rows.filter(after)
    order = ("stored", "id") if ascending else ("-stored", "-id")
    page = list(rows.order_by(*order).only("id", "stored", "payload")[:limit + 1])
    cursor = _cursor_encode(page[limit - 1].stored, page[limit - 1].id) \
        if len(page) > limit else None
    return page[:limit], cursor


MERGED_DEFINITIONS = 1000  # the most recent statements naming the activity that are merged
LANGUAGE_MAPS = ("name", "description")


def activity_definition(activity_id: str) -> dict:
    """The LRS's canonical definition of an activity: the definitions every statement gave it
    (as object, context activity, or inside a SubStatement), merged oldest first so the newest
    wins — language maps and extensions key by key, other properties whole (1.0.3 Data
    2.4.4.1: the LRS "SHOULD update its internal representation of an Activity's definition
    upon receiving a Statement with a different definition"; Communication 2.5 / 2.0 4.1.6.4
    return it). Bounded to the most recent MERGED_DEFINITIONS statements so a popular
    activity costs the same as a rare one."""
    from .relations import activities_named

    key = activity_id[:255]
    rows = (Statement.objects
            .filter(Q(activity_id=key) | Q(id__in=StatementRelation.objects.filter(
                kind="activity", key=key).values("statement_id")), voided=False)
            .order_by("-stored", "-id").values_list("payload", flat=True)[:MERGED_DEFINITIONS])
    merged: dict = {}
    for payload in reversed(list(rows)):
        for activity in activities_named(payload, activity_id):
            definition = activity.get("definition")
            if isinstance(definition, dict):
                merged = _merge_definition(merged, definition)
    return merged


def _merge_definition(old: dict, new: dict) -> dict:
    out = dict(old)
    for key, value in new.items():
        if key in (*LANGUAGE_MAPS, "extensions") and isinstance(value, dict) \
                and isinstance(old.get(key), dict):
            out[key] = {**old[key], **value}
        else:
            out[key] = value
    return out
