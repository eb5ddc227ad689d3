"""Storing statements: validate, set what the server decides (id, stored, authority, and the
actor for a signed-in learner), refuse conflicts, void, and project into progress — all in one
transaction, so a refused batch stores nothing."""

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Client, Statement
from ..relations import statement_relations
from ..validation import (
    VOIDED,
    Invalid,
    agent_key,
    check_statement,
    check_timestamp,
    context_activities_as_lists,
)
from ..versions import V1, Rules
from .storage import insert_is_atomic, statements_insert

if TYPE_CHECKING:
    from lms.accounts.models import User


class Conflict(ValueError):
    """A statement id already stored with different content (409)."""


class Refused(PermissionError):
    """The principal may not do this (403), e.g. a learner not enrolled in the lesson."""


@dataclass
class Principal:
    user: "User | None" = None
    client: Client | None = None

    @property
    def is_learner_session(self) -> bool:
        return self.client is None


def home_page() -> str:
    return settings.XAPI_HOMEPAGE.rstrip("/")


def agent_for_user(user) -> dict:
    return {"objectType": "Agent", "name": user.get_full_name() or user.username,
            "account": {"homePage": home_page(), "name": user.username}}


def authority_for(principal: Principal) -> dict:
    if principal.client is not None:
        return {"objectType": "Agent", "name": principal.client.name,
                "account": {"homePage": home_page(), "name": f"client:{principal.client.key}"}}
    return {"objectType": "Agent", "name": "HọcMở",
            "account": {"homePage": home_page(), "name": "hocmo-lrs"}}


def content_hash(stmt: dict) -> str:
    """Same id + same content is a harmless retry; these properties the LRS sets itself."""
    body = {k: v for k, v in stmt.items() if k not in ("id", "stored", "authority", "version")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":")).encode()).hexdigest()


def _user_for_actor(actor: dict, client: Client):
    """A tool allowed to record progress names learners by their account on this site."""
    from lms.accounts.models import User

    account = actor.get("account") or {}
    if not client.records_progress or account.get("homePage", "").rstrip("/") != home_page():
        return None
    return User.objects.filter(username=account.get("name")).first()


def _refuse_other_account(raw: dict, user) -> None:
    """A statement naming another account of this site was made for someone else: on a shared
    phone, the offline queue of the learner signed in before (issue 22). Never re-attributed to
    whoever is signed in now."""
    actor = raw.get("actor")
    account = actor.get("account") if isinstance(actor, dict) else None
    if (isinstance(account, dict) and str(account.get("homePage", "")).rstrip("/") == home_page()
            and account.get("name") != user.username):
        raise Refused(_("Kết quả này được lưu cho một tài khoản khác trên máy này; không ghi "
                        "cho bạn."))


def _prepare(raw: dict, index: int, principal: Principal, now, rules: Rules
             ) -> tuple[Statement, dict]:
    path = f"statements[{index}]" if index >= 0 else "statement"
    user = principal.user if principal.is_learner_session else None
    if principal.is_learner_session and isinstance(raw, dict):
        _refuse_other_account(raw, principal.user)
        # Never trusted from the client: players (H5P) send whatever actor they made up.
        raw = {**raw, "actor": agent_for_user(principal.user)}
    stmt = context_activities_as_lists(check_statement(raw, path, rules=rules))
    if principal.client is not None:
        user = _user_for_actor(stmt["actor"], principal.client)
    stmt.pop("stored", None)
    stmt.pop("authority", None)
    digest = content_hash(stmt)
    stmt["id"] = str(uuid.UUID(stmt["id"])) if "id" in stmt else str(uuid.uuid4())
    timestamp = check_timestamp(stmt["timestamp"], f"{path}.timestamp") if "timestamp" in stmt \
        else now
    stmt.setdefault("timestamp", now.isoformat())
    stmt["stored"] = now.isoformat()
    stmt["authority"] = authority_for(principal)
    # Stored as received; a statement without "version" gets the one its request spoke.
    stmt["version"] = stmt.get("version") or rules.default_statement_version
    obj = stmt["object"]
    registration = (stmt.get("context") or {}).get("registration")
    row = Statement(
        id=uuid.UUID(stmt["id"]), actor_key=agent_key(stmt["actor"]), user=user,
        verb_id=stmt["verb"]["id"][:255],
        activity_id=(obj["id"][:255] if obj.get("objectType", "Activity") == "Activity" else ""),
        registration=uuid.UUID(registration) if registration else None,
        voided_target=(uuid.UUID(obj["id"]) if stmt["verb"]["id"] == VOIDED else None),
        ref_target=(uuid.UUID(obj["id"]) if obj.get("objectType") == "StatementRef" else None),
        object_agent_key=(agent_key(obj) if obj.get("objectType") in ("Agent", "Group")
                          else ""),
        stored=now, timestamp=timestamp, client=principal.client, content_hash=digest,
        payload=stmt,
    )
    row.relations = statement_relations(stmt)  # type: ignore[attr-defined]
    return row, stmt


def statements_store(raw_statements: list, principal: Principal, *,
                     statement_id: str | None = None, as_list: bool = True,
                     rules: Rules = V1, files: dict | None = None) -> list[str]:
    """Store one batch (and the attachment `files` it came with, {sha2: (type, bytes)});
    returns the ids in order. Raises Invalid (400), Conflict (409) or Refused (403); nothing is
    stored then."""
    from ..attachments import attachments_match
    from ..signatures import signatures_check
    from .attachments import attachments_save
    from .projection import could_project, statement_project

    if not raw_statements:
        raise Invalid("statements", _("danh sách câu lệnh rỗng."))
    now = timezone.now()
    single = statement_id is not None
    if single:
        raw = dict(raw_statements[0]) if isinstance(raw_statements[0], dict) else raw_statements[0]
        if isinstance(raw, dict):
            if "id" in raw and str(raw["id"]).lower() != cast(str, statement_id).lower():
                raise Invalid("statement.id", _("khác với tham số statementId."))
            raw["id"] = statement_id
        raw_statements = [raw]
    prepared = [_prepare(raw, i if as_list and not single else -1, principal, now, rules)
                for i, raw in enumerate(raw_statements)]
    ids = [row.id for row, _stmt in prepared]
    paths = [f"statements[{i}]" if as_list and not single else "statement"
             for i in range(len(prepared))]
    attachments_match([(path, stmt) for path, (_row, stmt) in zip(paths, prepared, strict=True)],
                      files or {})
    # What was signed is the statement as received (before the LRS set actor, stored, ...).
    signatures_check(list(zip(paths, raw_statements, strict=True)), files or {}, rules)
    if len(set(ids)) != len(ids):
        raise Invalid("statements", _("có hai câu lệnh trùng id trong cùng một lô."))
    rows = [row for row, _stmt in prepared]
    if len(rows) == 1 and not files and not rows[0].voided_target \
            and insert_is_atomic(rows) and not could_project(rows[0]):
        # One INSERT is atomic on its own: no BEGIN/COMMIT round trips for the common single
        # statement that moves no progress.
        if not statements_insert(rows):
            _check_repeats(rows)
        return [str(i) for i in ids]
    try:
        with transaction.atomic():
            _apply_voiding([row for row in rows if row.voided_target], ids, principal)
            inserted = statements_insert(rows)
            attachments_save(files)
            _check_repeats([row for row in rows if row.id not in inserted])
            for row in rows:
                if row.id in inserted and row.user is not None and row.voided_target is None:
                    statement_project(row)
    except IntegrityError:  # a concurrent request stored the same id between our checks
        raise Conflict(_("Một câu lệnh cùng id vừa được ghi đồng thời; hãy gửi lại.")) from None
    return [str(i) for i in ids]


def _check_repeats(repeats: list[Statement]) -> None:
    """Ids already stored: a harmless retry when the content is the same, else 409."""
    if not repeats:
        return
    stored = dict(Statement.objects.filter(id__in=[r.id for r in repeats])
                  .values_list("id", "content_hash"))
    for row in repeats:
        if stored.get(row.id) != row.content_hash:
            raise Conflict(_("Câu lệnh %(id)s đã có với nội dung khác.") % {"id": row.id})


def _apply_voiding(voiding: list[Statement], batch_ids: list, principal: Principal) -> None:
    if not voiding:
        return
    targets = {cast(uuid.UUID, row.voided_target) for row in voiding}  # all voiding rows
    if principal.is_learner_session:  # a learner voids only their own statements
        actor = agent_key(agent_for_user(principal.user))
        if Statement.objects.filter(id__in=targets).exclude(actor_key=actor).exists():
            raise Refused(_("Bạn chỉ có thể hủy câu lệnh của chính mình."))
    if targets & set(batch_ids):
        raise Invalid("statements", _("không thể hủy một câu lệnh trong cùng lô."))
    if Statement.objects.filter(id__in=targets, voided_target__isnull=False).exists():
        raise Invalid("statement.object.id", _("không thể hủy một câu lệnh hủy (voiding)."))
    Statement.objects.filter(id__in=targets).update(voided=True)


def client_create(*, name: str, scopes: list[str], records_progress: bool = False
                  ) -> tuple[Client, str]:
    """A new external tool; returns (client, secret). The secret is shown only now."""
    secret = secrets.token_urlsafe(24)
    client = Client(name=name, key=secrets.token_hex(10), scopes=list(scopes),
                    records_progress=records_progress)
    client.set_secret(secret)
    client.save()
    return client, secret
