"""The published-content version: read once per request, bumped on every content change
(services.content_version_bump)."""

from contextvars import ContextVar

from django.db import connection

from .models import ContentVersion

_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = 1"  # noqa: S608

_request_version: ContextVar[int | None] = ContextVar("hocmo_content_version", default=None)


def content_version(*, fresh: bool = False) -> int:
    """The version for this request (read from the database once, then remembered)."""
    version = None if fresh else _request_version.get()
    if version is None:
        # Raw SQL: this runs on every page request and the ORM's query compilation would cost
        # more than the primary-key read itself.
        with connection.cursor() as cursor:
            cursor.execute(_VERSION_SQL)
            row = cursor.fetchone()
        version = row[0] if row else 0
        _request_version.set(version)
    return version


def forget_request_version() -> None:
    _request_version.set(None)
