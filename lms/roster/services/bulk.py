"""Set-based SQL for the roster import: COPY inserts, ids drawn ahead from the sequence, UPDATE
from arrays and `= ANY(array)` look-ups on PostgreSQL; portable statements elsewhere (SQLite in
tests).

Why not the ORM here (profiled on a 50,000-row import): `bulk_create` builds and prepares a model
instance per row (about half the time); a 2,000-value `__in` costs more to prepare in Django and
to split client-side in psycopg than the query takes to run; `bulk_update` writes a CASE WHEN per
row and field. Values are the import's plain Python values (str, int, date, None), which
psycopg adapts itself; every column the caller does not give gets the model field's default
(auto_now/auto_now_add → now), prepared once through the field, as the ORM would write it."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def any_of(column: str, values) -> tuple[str, list]:
    """SQL and params for `column IN (values)`: one array parameter on PostgreSQL."""
    values = list(values)
    if not values:
        return "1 = 0", []
    if _postgres():
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def select(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def execute(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def insert_rows(model, rows: list[dict]) -> None:
    """INSERT rows (dicts keyed by attname; all with the same keys). The primary key is written
    only when the rows give it (see insert_with_ids)."""
    if not rows:
        return
    given = set(rows[0])
    fields = [f for f in model._meta.concrete_fields
              if not f.primary_key or f.attname in given]
    now = timezone.now()
    defaults = {}
    for field in fields:
        if field.attname in given:
            continue
        value = now if (getattr(field, "auto_now", False) or
                        getattr(field, "auto_now_add", False)) else field.get_default()
        defaults[field.attname] = field.get_db_prep_save(value, connection)
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    names = [field.attname for field in fields]
    with connection.cursor() as cursor:
        if _postgres():
            # psycopg adapts the plain values itself; preparing each through its field was a
            # third of the import's CPU time.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[n] if n in given else defaults[n] for n in names])
        else:
            plan = [(field, field.attname in given) for field in fields]
            values = [tuple(field.get_db_prep_save(row[field.attname], connection) if is_given
                            else defaults[field.attname] for field, is_given in plan)
                      for row in rows]
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                               values)


def insert_with_ids(model, rows: list[dict], key: str) -> dict:
    """INSERT rows and return {row[key]: new primary key}; `key` must be a unique column. On
    PostgreSQL the ids are drawn from the table's sequence first (one query), so no look-up
    follows the COPY."""
    if not rows:
        return {}
    pk = model._meta.pk
    if _postgres():
        ids = [r[0] for r in select(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, len(rows)])]
        rows = [{pk.attname: new_id, **row} for row, new_id in zip(rows, ids, strict=True)]
        insert_rows(model, rows)
        return {row[key]: row[pk.attname] for row in rows}
    insert_rows(model, rows)
    column = model._meta.get_field(key).column
    where, params = any_of(quote(column), [row[key] for row in rows])
    return dict(select(f"SELECT {quote(column)}, {quote(pk.column)} "  # noqa: S608
                       f"FROM {quote(model._meta.db_table)} WHERE {where}", params))


def update_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """UPDATE many rows, each to its own values: rows are (pk, value of each field...)."""
    if not rows:
        return
    table = quote(model._meta.db_table)
    pk = model._meta.pk
    if _postgres():
        model_fields = [model._meta.get_field(name) for name in fields]
        casts = [f"%s::{pk.db_type(connection)}[]"] + [
            f"%s::{field.db_type(connection)}[]" for field in model_fields]
        aliases = ["k"] + [f"v{i}" for i in range(len(fields))]
        sets = ", ".join(f"{quote(field.column)} = src.v{i}"
                         for i, field in enumerate(model_fields))
        columns = [list(column) for column in zip(*rows, strict=True)]
        execute(f"UPDATE {table} SET {sets} FROM unnest({', '.join(casts)}) "  # noqa: S608
                f"AS src({', '.join(aliases)}) WHERE {table}.{quote(pk.column)} = src.k",
                columns)
        return
    model.objects.bulk_update(
        [model(**{pk.attname: row[0], **dict(zip(fields, row[1:], strict=True))})
         for row in rows], fields)
