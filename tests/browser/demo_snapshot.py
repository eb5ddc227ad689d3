"""The demo data for browser tests, loaded once per session and copied back for each test.

`manage.py load_demo` takes half a minute or more; copying its result back takes about a second:
- SQLite in memory: the backup API copies the whole database, byte for byte.
- PostgreSQL: `pg_dump --data-only` of every table after the first load; later tests truncate
  the tables and `psql` replays the dump (rows and sequence positions).
The media files load_demo wrote stay on disk between tests, so the copy stays consistent.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.core.management import call_command

_sqlite_snapshot: sqlite3.Connection | None = None
_postgres_dump: Path | None = None


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def demo_data_load(connection) -> None:
    """Puts load_demo's data in the (freshly flushed) test database."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        _sqlite_load(connection)
    elif connection.vendor == "postgresql":
        _postgres_load(connection)
    else:
        call_command("load_demo", stdout=_Null())


def _sqlite_load(connection) -> None:
    global _sqlite_snapshot
    connection.ensure_connection()
    if _sqlite_snapshot is None:
        call_command("load_demo", stdout=_Null())
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _sqlite_snapshot = snapshot
    else:
        _sqlite_snapshot.backup(connection.connection)


def _postgres_load(connection) -> None:
    global _postgres_dump
    if _postgres_dump is None:
        call_command("load_demo", stdout=_Null())
        handle, name = tempfile.mkstemp(prefix="hocmo-demo-", suffix=".sql")
        os.close(handle)
        _run(["pg_dump", "--data-only", "--disable-triggers", "--no-owner",
              "--exclude-table=django_migrations", "--file", name], connection)
        _postgres_dump = Path(name)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                       "AND tablename <> 'django_migrations'")
        tables = ", ".join(connection.ops.quote_name(row[0]) for row in cursor.fetchall())
        # Rows the test set-up put back (what migrations created) are in the dump too.
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")  # noqa: S608 - our tables
    _run(["psql", "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1",
          "--file", str(_postgres_dump)], connection)


def _run(argv: list[str], connection) -> None:
    settings = connection.settings_dict
    env = {**os.environ, "PGDATABASE": settings["NAME"], "PGUSER": settings["USER"] or "postgres",
           "PGHOST": settings["HOST"] or "127.0.0.1", "PGPORT": str(settings["PORT"] or 5432)}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    done = subprocess.run(argv, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
