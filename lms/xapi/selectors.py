"""Statement queries: each filter maps to an indexed column; paging uses a (stored, id) cursor
so a page costs the same at the millionth statement as at the first."""

import base64
import uuid
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lms.jsonio import JSONInputError, json_read

from .models import Statement
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


def statements_query(params, *, visible: Q,
                     needs_offset: bool = False) -> tuple[list[Statement], str | None]:
    """(statements of this page, cursor of the next page or None). `needs_offset`: xAPI 2.0
    timestamps, `since` and `until` included, must carry their time zone."""
    unknown = sorted(set(params) - FILTER_PARAMS)
    if unknown:
        raise Invalid(unknown[0], _("tham số không được hỗ trợ."))
    rows: QuerySet = Statement.objects.filter(visible, voided=False)
    if "agent" in params:
        try:
            agent = json_read(params["agent"])
        except JSONInputError:
            raise Invalid("agent", _("phải là JSON của một Agent hoặc Group.")) from None
        rows = rows.filter(actor_key=agent_key(check_agent(agent, "agent")))
    if "verb" in params:
        rows = rows.filter(verb_id=check_iri(params["verb"], "verb"))
    if "activity" in params:
        rows = rows.filter(activity_id=check_iri(params["activity"], "activity"))
    if "registration" in params:
        rows = rows.filter(registration=check_uuid(params["registration"], "registration"))
    for name, lookup in (("since", "stored__gt"), ("until", "stored__lte")):
        if name in params:
            moment = check_timestamp(params[name], name, needs_offset=needs_offset)
            rows = rows.filter(**{lookup: moment})
    for name in ("related_activities", "related_agents"):
        if flag_param(params, name):  # refused rather than silently answering a narrower query
            raise Invalid(name, _("chưa được hỗ trợ (chỉ nhận false)."))
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
