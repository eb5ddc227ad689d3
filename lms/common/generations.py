"""Cache generations: a token per name that readers put in their cache keys and writers bump, so
a cached fragment is invalidated exactly when what it shows changed, never by a timer.

A bump deletes the token twice: at once (a reader in the writer's own transaction sees the
change) and again after the commit. A reader takes the token *before* reading the data, so a
fragment rendered from data older than a commit is stored under a token that the commit's
second delete has already retired: nobody reads it again. A missing token is replaced by a new
random one. Bumps and reads must share one cache (Redis in production, see README): a
per-process cache would not see another process's bumps."""

import secrets
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

PREFIX = "gen:"


def generation_tokens(names: list[str]) -> list[str]:
    """The current token of each name (one cache round trip when all exist)."""
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
    keys = [PREFIX + name for name in set(names)]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
