"""The statement INSERT, kept apart because it is the ingest hot path.

On PostgreSQL one `INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING RETURNING id`
stores a whole batch in one round trip with server-side parameter binding (Django's client-side
binding quoted every JSON payload in Python, which cost more than the insert itself). Ids that
come back missing were already stored; the caller compares their content. Other databases use
the ORM."""

import json

import psycopg
from django.db import connection

from ..models import Statement, StatementRelation

_COLUMNS = ("id", "actor_key", "user_id", "verb_id", "activity_id", "registration",
            "voided_target", "voided", "stored", "timestamp", "client_id", "content_hash",
            "payload", "ref_target", "object_agent_key")
_TYPES = ("uuid", "text", "bigint", "text", "text", "uuid", "uuid", "boolean", "timestamptz",
          "timestamptz", "bigint", "text", "text", "uuid", "text")
_SQL = (
    f"INSERT INTO {Statement._meta.db_table} ({', '.join(_COLUMNS)}) "  # noqa: S608
    f"SELECT {', '.join(f'c{i}' + ('::jsonb' if col == 'payload' else '') for i, col in enumerate(_COLUMNS))} "  # noqa: E501
    f"FROM unnest({', '.join(f'%b::{t}[]' for t in _TYPES)}) "
    f"AS t({', '.join(f'c{i}' for i in range(len(_COLUMNS)))}) "
    "ON CONFLICT (id) DO NOTHING RETURNING id"
)
_SQL_WITH_RELATIONS = (
    f"WITH ins AS ({_SQL}), rel AS ("  # noqa: S608
    f"INSERT INTO {StatementRelation._meta.db_table} (statement_id, kind, key) "
    "SELECT r.s, r.k, r.v FROM unnest(%b::uuid[], %b::text[], %b::text[]) AS r(s, k, v) "
    "JOIN ins ON ins.id = r.s) SELECT id FROM ins"
)


def statements_insert(rows: list[Statement]) -> set:
    """Insert the rows that are not stored yet; returns the ids inserted by this call."""
    if not rows:
        return set()
    if connection.vendor != "postgresql":
        existing = set(Statement.objects.filter(id__in=[r.id for r in rows])
                       .values_list("id", flat=True))
        new = [r for r in rows if r.id not in existing]
        Statement.objects.bulk_create(new)
        _relations_insert(new)
        return {r.id for r in new}
    columns = [
        [r.id for r in rows], [r.actor_key for r in rows], [r.user_id for r in rows],
        [r.verb_id for r in rows], [r.activity_id for r in rows],
        [r.registration for r in rows], [r.voided_target for r in rows],
        [r.voided for r in rows], [r.stored for r in rows], [r.timestamp for r in rows],
        [r.client_id for r in rows], [r.content_hash for r in rows],
        [json.dumps(r.payload, ensure_ascii=False, separators=(",", ":")) for r in rows],
        [r.ref_target for r in rows], [r.object_agent_key for r in rows],
    ]
    relations = [(r.id, kind, key) for r in rows for kind, key in getattr(r, "relations", ())]
    sql = _SQL
    if relations:
        # The relations ride in the same statement (a data-modifying CTE), joined to the ids
        # really inserted: one round trip, and atomic without a transaction of its own.
        sql = _SQL_WITH_RELATIONS
        columns += [[r[0] for r in relations], [r[1] for r in relations],
                    [r[2] for r in relations]]
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, columns)
        return {row[0] for row in cursor.fetchall()}


def insert_is_atomic(rows: list[Statement]) -> bool:
    """Whether statements_insert(rows) is one atomic SQL statement (so the caller may skip
    BEGIN/COMMIT): always on PostgreSQL; elsewhere only without relation rows."""
    return connection.vendor == "postgresql" or not any(getattr(r, "relations", ())
                                                        for r in rows)


def _relations_insert(rows: list[Statement]) -> None:
    """Other databases: the StatementRelation rows of the statements just inserted (in the
    caller's transaction, see insert_is_atomic)."""
    relations = [StatementRelation(statement_id=r.id, kind=kind, key=key)
                 for r in rows for kind, key in getattr(r, "relations", ())]
    if relations:
        StatementRelation.objects.bulk_create(relations)
