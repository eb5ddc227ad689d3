"""The learner's own state on a lesson page without a database query (issue 18).

The lesson page needs one thing of the learner: the enrolment and this lesson's progress
(selectors.learner_lesson_state: not enrolled / percent and completed_at). Each worker keeps
what it read, per (learner, course, lesson, content version), stamped with the learner's
*progress generation*: a random token in the shared cache (Redis) that every write of the
learner's enrolments, progress or completions replaces (services, receivers of post_save and of
an enrolment's post_delete, the admin's deletes). The session store reads that token in the same
round trip as the session (lms/accounts/sessions/cached_db.py, usercache.SESSION_READ_PREFIXES),
so a warm lesson request costs no query for it.

As the user cache (lms/accounts/usercache.py): the token is read *before* the rows and bumped
*after* the write commits (and at once), so a state read before a change can only be stamped
with a token that change has replaced; a missing token is a miss (and the state is not kept);
tokens are random; kept states are keyed by the learner (never shared between learners) and by
the content version (a publish or unpublish starts afresh) and read again after
MAX_AGE_SECONDS whatever happens (writes that bypass all of the above: a shell's bulk update).
When the cache cannot be reached, the database answers, as before."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction

from lms.accounts.usercache import read_with_session, session_generation

logger = logging.getLogger(__name__)

PREFIX = "learner-progress-generation"
MAX_ENTRIES = 5000
MAX_AGE_SECONDS = 300
# (user pk, course id, lesson id, content version) -> (generation, expires, state or None)
_kept: dict[tuple[int, int, int, int], tuple[str, float, dict | None]] = {}

read_with_session(PREFIX)


def progress_generation_key(pk: int) -> str:
    return f"{PREFIX}:{pk}"


def _generation(session, pk: int) -> str | None:
    found, token = session_generation(session, PREFIX, pk) if session is not None else (False,
                                                                                       None)
    return token if found else cache.get(progress_generation_key(pk))


def lesson_state_cached(*, user_pk: int, course_id: int, lesson_id: int, version: int, session,
                        load: Callable[[], dict | None]) -> dict | None:
    """`load()` (the learner's state on this lesson) from this worker's memory when the
    learner's progress generation still holds, else from `load()`."""
    try:
        generation = _generation(session, user_pk)
        if generation is None:
            cache.add(progress_generation_key(user_pk), _token(), None)
    except Exception:  # the cache is down: the database answers
        logger.warning("progress generation unreadable; reading learner %s", user_pk,
                       exc_info=True)
        return load()
    key = (user_pk, course_id, lesson_id, version)
    kept = _kept.get(key)
    now = time.monotonic()
    if generation is not None and kept is not None and kept[0] == generation and kept[1] > now:
        return dict(kept[2]) if kept[2] is not None else None  # callers may add to it
    state = load()
    if generation is None:
        _kept.pop(key, None)
        return state
    if len(_kept) >= MAX_ENTRIES:
        _kept.clear()
    _kept[key] = (generation, now + MAX_AGE_SECONDS, dict(state) if state is not None else None)
    return state


def _token() -> str:
    return secrets.token_hex(8)


def learner_progress_bump(user_ids: Iterable[int]) -> None:
    """Every worker's kept lesson states of these learners are stale: now, and again when the
    transaction commits (a request between the two could have read the old rows under the new
    token)."""
    pks = sorted({pk for pk in user_ids if pk is not None})
    if not pks:
        return
    _bump(pks)
    transaction.on_commit(lambda: _bump(pks))


def _bump(pks: list[int]) -> None:
    pk_set = set(pks)
    for key in [key for key in _kept if key[0] in pk_set]:
        _kept.pop(key, None)
    try:
        cache.set_many({progress_generation_key(pk): _token() for pk in pks}, None)
    except Exception:  # while the cache is down no worker uses a kept state (above)
        logger.error("progress generations not bumped for %s", pks, exc_info=True)


def progress_cache_clear() -> None:
    """This worker's kept states (tests)."""
    _kept.clear()
