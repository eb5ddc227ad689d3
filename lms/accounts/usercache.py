"""The signed-in user of each request without a database query (issue 18).

Each worker keeps the account rows it loaded in its own memory, each stamped with the user's
*generation*: a random token in the shared cache (Redis) that every write of the row replaces
(receivers: post_save / post_delete of User, after the commit as well as at once; raw-SQL
writers call `user_generations_bump`). A request reads the token (one small cache read) and
uses the kept row only when the token is the one the row was stamped with, so a deactivated
account, a changed password (the session hash no longer matches: the session is flushed) or a
changed role flag takes effect on the very next request, on every worker.

Order matters and is kept: the token is read *before* the row, and bumped *after* the write
commits, so a row read before a change can only ever be stamped with a token the change has
replaced. A missing token (evicted, cache cleared) is a miss; tokens are random, never a
counter that could come back to an old value. When the cache cannot be reached the row is read
from the database, as before."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.base import ModelState

logger = logging.getLogger(__name__)

MAX_ENTRIES = 2000
# A safety net for writes that bypass both save() and user_generations_bump (a bulk
# QuerySet.update in a shell): a kept row is read again after this many seconds anyway.
MAX_AGE_SECONDS = 300
_kept: dict[int, tuple[str, float, object]] = {}


def generation_key(pk) -> str:
    return f"user-generation:{pk}"


# The session of the request whose user is being loaded (AuthenticationMiddleware sets it
# around that one call): its store may have read the token with the session (sessions/).
_loading_for: ContextVar[object | None] = ContextVar("hocmo_user_session", default=None)


@contextmanager
def loading_for_session(session):
    token = _loading_for.set(session)
    try:
        yield
    finally:
        _loading_for.reset(token)


def _generation(pk: int) -> str | None:
    read = getattr(_loading_for.get(), "user_generation", None)
    if read is not None and read[0] == pk:
        return read[1]
    return cache.get(generation_key(pk))


# Other apps' per-user generation keys (key prefixes, e.g. the learner's progress generation,
# courses/progress_cache.py) that the session store reads in the same round trip as the
# session and the user's own token: registered at import, before any request.
SESSION_READ_PREFIXES: list[str] = []


def read_with_session(prefix: str) -> None:
    if prefix not in SESSION_READ_PREFIXES:
        SESSION_READ_PREFIXES.append(prefix)


def session_generation(session, prefix: str, pk: int) -> tuple[bool, str | None]:
    """(found, token) of `prefix:pk` as the session store read it with this request's session;
    found is False when it was not read with it (another user, a first load on this worker:
    the caller reads the shared cache itself)."""
    read = getattr(session, "generations_read", None)
    if read is None or read[0] != pk:
        return False, None
    key = f"{prefix}:{pk}"
    if key not in read[1]:
        return False, None
    return True, read[1][key]


def _token() -> str:
    return secrets.token_hex(8)


def user_cached(pk: int, load: Callable[[int], object | None]):
    """The user `pk` from this worker's memory if its generation still holds, else `load(pk)`
    (which may return None: no such user)."""
    try:
        generation = _generation(pk)
        if generation is None:
            cache.add(generation_key(pk), _token(), None)
    except Exception:  # the cache is down: the database answers, as before
        logger.warning("user generation unreadable; loading user %s", pk, exc_info=True)
        return load(pk)
    kept = _kept.get(pk)
    now = time.monotonic()
    if generation is not None and kept is not None and kept[0] == generation and kept[1] > now:
        return _clone(kept[2])  # requests set attributes on their user: never share one
    user = load(pk)
    if user is None or generation is None:
        _kept.pop(pk, None)
        return user
    if len(_kept) >= MAX_ENTRIES:
        _kept.clear()
    _kept[pk] = (generation, now + MAX_AGE_SECONDS, _clone(user))
    return user


def _clone(user):
    """A fresh instance with the row's values (copy.copy pickles its way through the model:
    more than the rest of the user load)."""
    new = user.__class__.__new__(user.__class__)
    new.__dict__ = {k: v for k, v in user.__dict__.items() if not k.startswith("_")}
    new._state = ModelState()
    new._state.db, new._state.adding = user._state.db, False
    return new


def user_generations_bump(pks: Iterable[int]) -> None:
    """Every worker's kept row of these users is stale: now, and again when the transaction
    commits (a request between the two could have read the old row under the new token)."""
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return
    _bump(pks)
    transaction.on_commit(lambda: _bump(pks))


def _bump(pks: list[int]) -> None:
    for pk in pks:
        _kept.pop(pk, None)
    try:
        cache.set_many({generation_key(pk): _token() for pk in pks}, None)
    except Exception:  # while the cache is down no worker uses a kept row (user_cached)
        logger.error("user generations not bumped for %s", pks, exc_info=True)


def user_cache_clear() -> None:
    """This worker's kept rows (tests)."""
    _kept.clear()
