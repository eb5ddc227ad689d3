"""Django's cached_db sessions, reading the signed-in user's generation token
(lms/accounts/usercache.py) in the same round trip to the cache as the session (issue 18).

Each worker remembers which user a session key belonged to when it last loaded it; the next
load of that key asks for the session and that user's token together (one MGET). The token is
used only for the user the loaded session names (usercache.user_cached checks the pk), and only
within that request's user load (lms.accounts.middleware.AuthenticationMiddleware). Other
apps' per-user generations (usercache.SESSION_READ_PREFIXES: the learner's progress generation
of the lesson page, courses/progress_cache.py) come in the same MGET, kept on the store for that
request (usercache.session_generation). The same MGET carries the keys the request's view
registered (lms/common/prefetch.py: the staff pages' generation tokens). Everything else is
cached_db's own behaviour."""

from __future__ import annotations

from django.contrib.sessions.backends import cached_db

from lms.common.prefetch import prefetch_found, prefetch_wanted

from ..usercache import SESSION_READ_PREFIXES, generation_key

MAX_REMEMBERED = 5000
_user_of_session: dict[str, int] = {}


class SessionStore(cached_db.SessionStore):
    # (user pk, token or None) read together with this session; None when not read with it
    user_generation: tuple[int, str | None] | None = None
    # (user pk, {key: token or None}) of the other per-user generations read with it
    # (usercache.SESSION_READ_PREFIXES: the learner's progress generation)
    generations_read: tuple[int, dict[str, str | None]] | None = None

    def load(self):
        key = self.session_key
        pk = _user_of_session.get(key) if key else None
        data = None
        if pk is not None:
            # Other apps' per-user generations, and whatever the view registered to read on each
            # request (lms/common/prefetch.py).
            others = [f"{prefix}:{pk}" for prefix in SESSION_READ_PREFIXES]
            extra = prefetch_wanted()
            try:
                found = self._cache.get_many(  # type: ignore[attr-defined]  # cached_db's cache
                    [self.cache_key, generation_key(pk), *others, *extra])
            except Exception:  # as cached_db: an unreadable cache is a miss
                found = {}
            data = found.get(self.cache_key)
            if data is not None:
                self.user_generation = (pk, found.get(generation_key(pk)))
                self.generations_read = (pk, {other: found.get(other) for other in others})
                prefetch_found({k: found[k] for k in extra if k in found})
        if data is None:
            data = super().load()
        self._remember(key, data)
        return data

    @staticmethod
    def _remember(key, data) -> None:
        user_id = data.get("_auth_user_id") if key else None
        if user_id is None:
            return
        if len(_user_of_session) >= MAX_REMEMBERED:
            _user_of_session.clear()
        try:
            _user_of_session[key] = int(user_id)
        except (TypeError, ValueError):
            _user_of_session.pop(key, None)
