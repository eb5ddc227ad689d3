"""The published-content version: bumped on every content change (services.content_version_bump),
read at most once a second per worker (issue 18), and the two-level cache for entries keyed by
it."""

import contextlib
import time
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from .models import ContentVersion

_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = 1"  # noqa: S608

_request_version: ContextVar[int | None] = ContextVar("hocmo_content_version", default=None)
# (version, monotonic time read) shared by this worker's requests: a page request pays no
# query for the version when another request read it less than CONTENT_VERSION_MAX_AGE ago.
_worker_version: list[tuple[int, float]] = []


def _max_age() -> float:
    return getattr(settings, "HOCMO_CONTENT_VERSION_MAX_AGE", 1.0)


def content_version(*, fresh: bool = False) -> int:
    """The version for this request: the same for the whole request; read from the database
    when this worker has not read it within HOCMO_CONTENT_VERSION_MAX_AGE seconds (so a publish
    made on another web node shows there within that second; on this node at once)."""
    version = None if fresh else _request_version.get()
    if version is None and not fresh and _worker_version:
        remembered, read_at = _worker_version[0]
        if time.monotonic() - read_at < _max_age():
            version = remembered
    if version is None:
        # Raw SQL: this runs on every page request and the ORM's query compilation would cost
        # more than the primary-key read itself.
        with connection.cursor() as cursor:
            cursor.execute(_VERSION_SQL)
            row = cursor.fetchone()
        version = row[0] if row else 0
        # Inside a transaction the row may be an uncommitted bump: never share it.
        if not connection.in_atomic_block:
            _worker_version[:] = [(version, time.monotonic())]
    _request_version.set(version)
    return version


def forget_request_version() -> None:
    _request_version.set(None)


def forget_worker_version() -> None:
    _request_version.set(None)
    _worker_version.clear()


# Entries whose key holds a version (the content version, a class's grid version) never change
# under that key, so each worker also keeps them in its own memory, as the objects themselves
# (no pickling: unpickling a page object cost more than the rest of a lesson request): a warm
# hit costs no round trip to the shared cache. Callers treat them as read-only (the router
# copies page objects). Bounded, oldest dropped first (worker memory, issue 18). The shared
# cache still fills a new worker or node after the first miss.
LOCAL_MAX_ENTRIES = 400
_local: OrderedDict[str, tuple[float, object]] = OrderedDict()


def versioned_get(key: str):
    entry = _local.get(key)
    if entry is not None:
        expires, value = entry
        if expires > time.monotonic():
            with contextlib.suppress(KeyError):  # another thread (runserver, gthread) dropped it
                _local.move_to_end(key)
            return value
        _local.pop(key, None)
    value = cache.get(key)
    if value is not None:
        _remember(key, value, 60)  # its shared TTL is unknown here: keep it a minute
    return value


def versioned_set(key: str, value, timeout: int) -> None:
    cache.set(key, value, timeout)
    _remember(key, value, timeout)


def _remember(key: str, value, timeout: int) -> None:
    _local[key] = (time.monotonic() + timeout, value)
    with contextlib.suppress(KeyError):  # threads may race here: a lost entry is only a miss
        _local.move_to_end(key)
        while len(_local) > LOCAL_MAX_ENTRIES:
            _local.popitem(last=False)


# Other per-worker memories keyed by the content version (e.g. the SCORM commit targets) clear
# with this one: rolled-back tests reuse version numbers and row ids.
_local_clear_hooks: list = []


def versioned_local_register(clear) -> None:
    """Have versioned_local_clear() also call `clear` (a dict's .clear)."""
    _local_clear_hooks.append(clear)


def versioned_local_clear() -> None:
    _local.clear()
    for clear in _local_clear_hooks:
        clear()
