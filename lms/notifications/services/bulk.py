"""Bulk writes for the digest. On PostgreSQL: ids taken from the sequences in one query, rows
sent with COPY (the ORM's bulk_create spends most of its time building model instances and SQL
text for 100,000 rows); elsewhere (SQLite in development and tests) bulk_create."""

from django.db import connection

from ..models import Delivery, Notification

NOTIFICATION_COLUMNS = ["id", "user_id", "event", "title", "body", "sms_text", "url",
                        "dedupe_key", "created_at"]
DELIVERY_COLUMNS = ["id", "notification_id", "channel", "idempotency_key", "state", "attempts",
                    "sent_at", "provider_id", "last_error", "created_at"]


def _next_ids(model, count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                       "FROM generate_series(1, %s)", [model._meta.db_table, count])
        return [row[0] for row in cursor.fetchall()]


def _copy(model, columns, rows) -> None:
    with connection.cursor() as cursor:
        sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def notifications_insert(rows: list[tuple], now) -> list[int]:
    """rows: (user_id, event, title, body, sms_text, url, dedupe_key). Returns their ids."""
    if connection.vendor == "postgresql":
        ids = _next_ids(Notification, len(rows))
        _copy(Notification, NOTIFICATION_COLUMNS,
              ((pk, *row, now) for pk, row in zip(ids, rows, strict=True)))
        return ids
    objs = Notification.objects.bulk_create([Notification(
        user_id=r[0], event=r[1], title=r[2], body=r[3], sms_text=r[4], url=r[5],
        dedupe_key=r[6]) for r in rows])
    return [obj.pk for obj in objs]


def deliveries_insert(rows: list[tuple], now) -> list[int]:
    """rows: (notification_id, channel, state, sent_at). Returns their ids."""
    if connection.vendor == "postgresql":
        ids = _next_ids(Delivery, len(rows))
        _copy(Delivery, DELIVERY_COLUMNS,
              ((pk, n_id, channel, f"{n_id}:{channel}", state, 0, sent_at, "", "", now)
               for pk, (n_id, channel, state, sent_at) in zip(ids, rows, strict=True)))
        return ids
    objs = Delivery.objects.bulk_create([Delivery(
        notification_id=n_id, channel=channel, idempotency_key=f"{n_id}:{channel}",
        state=state, sent_at=sent_at) for n_id, channel, state, sent_at in rows])
    return [obj.pk for obj in objs]
