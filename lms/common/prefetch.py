"""Cache entries a view will need, read in the same round trip as the session (issue 18).

A signed-in request already pays one cache round trip for its session and its user's generation
token (lms/accounts/sessions/cached_db.py). A view that reads small entries of its own on every
request — the class pages' generation tokens, the dashboard's — registers a function naming
them from the URL's arguments; the session store then asks for them in the same MGET, and the
view finds what was read in `prefetched(request)` (an entry that was missing is simply absent:
the view reads it itself, as before).

The entries are read when the session is (the user's load, inside the view, before the view
reads any data), so a generation token read this way is read before the data it keys, as
lms/common/generations.py requires. What was read lives on the request object only."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

logger = logging.getLogger(__name__)

KeysFor = Callable[[dict], list[str]]
_keys_by_view: dict[str, KeysFor] = {}
# The keys the session load running now may add, and where it puts what it found.
_wanted: ContextVar[tuple[tuple[str, ...], dict] | None] = ContextVar("hocmo_prefetch",
                                                                       default=None)
_ATTR = "_hocmo_prefetched"


def prefetch_register(view_name: str, keys_for: KeysFor) -> None:
    """`keys_for(url kwargs)` names the cache keys (as given to the cache API) the view named
    `view_name` ("app:name") reads on every request."""
    _keys_by_view[view_name] = keys_for


@contextmanager
def prefetch_for(request) -> Iterator[None]:
    """Around the request's session load: lets the session store add the view's keys."""
    match = getattr(request, "resolver_match", None)
    keys_for = _keys_by_view.get(match.view_name) if match is not None else None
    if match is None or keys_for is None:
        yield
        return
    try:
        keys = tuple(keys_for(match.kwargs))
    except Exception:  # a bad argument is the view's to refuse; the read is only a shortcut
        logger.debug("no prefetch for %s", match.view_name, exc_info=True)
        keys = ()
    found: dict = {}
    reset = _wanted.set((keys, found))
    try:
        yield
    finally:
        _wanted.reset(reset)
        setattr(request, _ATTR, found)


def prefetch_wanted() -> tuple[str, ...]:
    """For the session store: the keys to read along with the session."""
    wanted = _wanted.get()
    return wanted[0] if wanted is not None else ()


def prefetch_found(values: dict) -> None:
    """For the session store: what it read of prefetch_wanted()."""
    wanted = _wanted.get()
    if wanted is not None:
        wanted[1].update(values)


def prefetched(request) -> dict:
    """What was read for this request's view along with its session (maybe nothing)."""
    return getattr(request, _ATTR, None) or {}
