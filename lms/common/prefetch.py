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
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.urls import reverse

logger = logging.getLogger(__name__)

KeysFor = Callable[[dict], list[str]]
_keys_by_view: dict[str, KeysFor] = {}
# The keys the session load running now may add, and where it puts what it found.
_wanted: ContextVar[tuple[tuple[str, ...], dict] | None] = ContextVar("hocmo_prefetch",
                                                                       default=None)
_ATTR = "_hocmo_prefetched"


def prefetch_register(view_name: str, keys_for: KeysFor) -> None:
    """`keys_for(url kwargs)` names the cache keys (as given to the cache API) the view named
    `view_name` ("app:name", one integer argument `unit_id`) reads on every GET."""
    _keys_by_view[view_name] = keys_for


_ARG = "987654321"  # a stand-in id, reversed into each registered URL once
_patterns: dict[str, re.Pattern] = {}


def _pattern(view_name: str) -> re.Pattern:
    """The view's URL as a regular expression over its integer arguments (`unit_id`)."""
    pattern = _patterns.get(view_name)
    if pattern is None:
        url = reverse(view_name, kwargs={"unit_id": _ARG})
        pattern = re.compile("^" + re.escape(url).replace(_ARG, r"(?P<unit_id>\d+)") + "$")
        _patterns[view_name] = pattern
    return pattern


def _keys_for_request(request) -> tuple[str, ...]:
    if request.method != "GET":
        return ()
    for view_name, keys_for in _keys_by_view.items():
        match = _pattern(view_name).match(request.path)
        if match is not None:
            return tuple(keys_for(match.groupdict()))
    return ()


@contextmanager
def prefetch_for(request) -> Iterator[None]:
    """Around everything that may load the request's session (AuthenticationMiddleware: a
    middleware after it may read the session before the view, e.g. the password-change check):
    lets the session store add the keys the requested view registered. Matched on the path
    (the URL is not resolved yet)."""
    try:
        keys = _keys_for_request(request) if _keys_by_view else ()
    except Exception:  # a bad argument is the view's to refuse; the read is only a shortcut
        logger.debug("no prefetch for %s", request.path, exc_info=True)
        keys = ()
    if not keys:
        yield
        return
    found: dict = {}
    setattr(request, _ATTR, found)
    reset = _wanted.set((keys, found))
    try:
        yield
    finally:
        _wanted.reset(reset)


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
