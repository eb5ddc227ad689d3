"""Cache generations: a token per name that readers put in their cache keys and writers bump, so
a cached fragment is invalidated exactly when what it shows changed, never by a timer.

A bump deletes the token twice: at once (a reader in the writer's own transaction sees the
change) and again after the commit. A reader takes the token *before* reading the data, so a
fragment rendered from data older than a commit is stored under a token that the commit's
second delete has already retired: nobody reads it again. A missing token is replaced by a new
random one. Bumps and reads must share one cache (Redis in production, see README): a
per-process cache would not see another process's bumps."""

import secrets
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

PREFIX = "gen:"

# name → token read by generations_read_together for the block running now (one request).
_together: ContextVar[dict[str, str] | None] = ContextVar("hocmo_generations", default=None)


def generation_keys(names: list[str]) -> list[str]:
    """The cache keys of `names`' tokens (for lms/common/prefetch.py)."""
    return [PREFIX + name for name in names]


@contextmanager
def generations_read_together(names: list[str],
                              known: Mapping[str, str] | None = None
                              ) -> Iterator[dict[str, str]]:
    """Read the tokens of `names` in one round trip now (none when `known`, cache entries read
    along with the session — lms/common/prefetch.py — holds them all); within the block
    generation_tokens answers them from that read (a page whose parts each read their own
    tokens — the dashboard's body and its panels — pays one round trip, issue 18). Bumps inside
    the block drop the names they retire."""
    memo = dict(zip(names, generation_tokens(names, known), strict=True))
    reset = _together.set(memo)
    try:
        yield memo
    finally:
        _together.reset(reset)


def generation_tokens(names: list[str], known: Mapping[str, str] | None = None) -> list[str]:
    """The current token of each name (one cache round trip when all exist; none when
    generations_read_together read them all, or `known` — cache entries read earlier in this
    request, before the data, e.g. with the session — holds them all)."""
    memo = _together.get()
    if memo is not None and all(name in memo for name in names):
        return [memo[name] for name in names]
    if known:
        tokens = [known.get(PREFIX + name) for name in names]
        if None not in tokens:
            return tokens  # type: ignore[return-value]
    return _read(names)


def _read(names: list[str]) -> list[str]:
    keys = [PREFIX + name for name in names]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = secrets.token_hex(8)
            if not cache.add(key, token, None):  # another reader was first: use theirs
                token = cache.get(key) or token
        tokens.append(token)
    return tokens


def generations_bump(names: Iterable[str]) -> None:
    """Retire the tokens of `names` now and again when the current transaction commits."""
    retired = set(names)
    memo = _together.get()
    if memo is not None:
        for name in retired:
            memo.pop(name, None)
    keys = [PREFIX + name for name in retired]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
