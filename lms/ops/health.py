"""Readiness checks: can this web node reach its database(s), its cache and the Celery broker?
Each runs in its own thread and is given `HOCMO_READYZ_TIMEOUT` seconds in all, so a hung
backend makes /readyz answer 503 in time instead of hanging the probe."""

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connections

OK = "ok"


def _database(alias: str) -> Callable[[], str]:
    def check() -> str:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        finally:
            connections[alias].close()  # this thread's own connection
        return OK

    return check


def _cache() -> str:
    caches["default"].get("hocmo:readyz")  # raises when the cache server is unreachable
    return OK


def _broker() -> str:
    url = settings.CELERY_BROKER_URL
    if url.startswith("memory://"):
        return "in-process"  # no broker: tasks run eagerly in the web process
    from kombu import Connection

    timeout = settings.HOCMO_READYZ_TIMEOUT
    with Connection(url, connect_timeout=timeout,
                    transport_options={"socket_timeout": timeout}) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=timeout)
    return OK


def checks() -> dict[str, Callable[[], str]]:
    named: dict[str, Callable[[], str]] = {}
    for alias in settings.DATABASES:
        named["database" if alias == "default" else f"database:{alias}"] = _database(alias)
    named["cache"] = _cache
    named["broker"] = _broker
    return named


def readiness() -> tuple[bool, dict[str, str]]:
    """(all fine, {check: "ok" | "in-process" | "failed: <error class>" | "timeout"})."""
    results: dict[str, str] = {}

    def run(name: str, check: Callable[[], str]) -> None:
        try:
            results[name] = check()
        except Exception as exc:  # any failure is a "not ready", named, never a 500
            results[name] = f"failed: {type(exc).__name__}"

    threads = {name: threading.Thread(target=run, args=(name, check), daemon=True)
               for name, check in checks().items()}
    for thread in threads.values():
        thread.start()
    deadline = time.monotonic() + settings.HOCMO_READYZ_TIMEOUT
    for name, thread in threads.items():
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            results[name] = "timeout"
    ordered = {name: results.get(name, "timeout") for name in threads}
    return all(v in (OK, "in-process") for v in ordered.values()), ordered
