"""The search index generation: a cache counter bumped after every index write, so anything
cached from the index (result pages, the "did you mean" vocabulary) starts afresh."""

from typing import cast

from django.core.cache import cache

GENERATION_KEY = "search:generation"


def index_generation() -> int:
    return cast(int, cache.get_or_set(GENERATION_KEY, 1, None))


def index_changed() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, 2, None)
