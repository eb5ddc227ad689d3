"""Per-class generation tokens (issue 18): what a class's staff pages show — the class grid and
its JSON (reports), the teacher's class view (courses) — is kept rendered in each worker's memory
under the class's token, so a warm request reads one small cache entry instead of computing a
fingerprint of the class's roster, enrolments and progress on PostgreSQL.

Every path that changes what those pages show bumps the class's token (lms/common/generations.py:
at once and again after the commit; readers take the token before the data):

- a learner role granted, ended, reopened or deleted (receivers.py, Role post_save/delete; the
  roster import's bulk INSERT/UPDATE calls `classes_touch` itself);
- a learner's account renamed or (de)activated (receivers.py, User post_save; the roster
  import's bulk updates: `classes_touch_for_users`);
- an enrolment created or deleted (courses: receivers and the class enrolment's bulk_create);
- a progress write (courses.services.progress_record);
- any unit's name, kind, path or state (`units_touch_all`: unit_update, Unit/UnitKind saves,
  moves and merges), which the pages and their breadcrumbs show; a class is read from a
  per-worker copy under the same two tokens.

Lesson titles and the course list follow the published-content version (in the keys)."""

from collections.abc import Iterable, Mapping

from lms.common.generations import generation_keys, generation_tokens, generations_bump

from .models import Role, RoleKind, Unit

# Every unit's name, path, kind and state: changes rarely (admin edits, reorganisations).
UNITS = "units:tree"


def class_generation(unit_id: int) -> str:
    return f"units:class:{unit_id}"


def class_tokens(unit_id: int, known: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The class's token and the units' token (unit_kept): one cache round trip, none when
    `known` (read with the session: lms/common/prefetch.py, class_token_keys) holds them (read
    them before the data they key)."""
    klass, units = generation_tokens([class_generation(unit_id), UNITS], known)
    return klass, units


def class_token_keys(url_kwargs: dict) -> list[str]:
    """The cache keys of class_tokens, for lms/common/prefetch.py (URLs with a `unit_id`)."""
    return generation_keys([class_generation(int(url_kwargs["unit_id"])), UNITS])


def classes_touch(unit_ids: Iterable[int]) -> None:
    """What the staff pages of these classes show changed (call inside the writing
    transaction, or after it)."""
    generations_bump(class_generation(pk) for pk in set(unit_ids) if pk is not None)


def classes_touch_for_users(user_ids: Iterable[int]) -> None:
    """These learners' own rows changed (name, account state, enrolments, progress): every
    class they are a live member of. One indexed query."""
    ids = [pk for pk in set(user_ids) if pk is not None]
    if not ids:
        return
    classes_touch(Role.objects.filter(user_id__in=ids, kind=RoleKind.LEARNER,
                                      ended_at__isnull=True).values_list("unit_id", flat=True))


def units_touch_all() -> None:
    """A unit's name, path, kind or state changed: every per-worker unit copy and class page is
    stale."""
    generations_bump([UNITS])


# unit id → (the UNITS token it was read under, the unit with its kind): this worker's copies,
# read-only for their users.
_KEPT_MAX = 2000
_kept: dict[int, tuple[str, Unit]] = {}


def unit_kept(unit_id: int, units_token: str) -> Unit | None:
    """The unit (with its kind) from this worker's memory while the UNITS token (read before:
    class_tokens, or generation_tokens([UNITS, …])) is the one it was read under, else from the
    database; None when there is no such unit."""
    kept = _kept.get(unit_id)
    if kept is not None and kept[0] == units_token:
        return kept[1]
    unit = Unit.objects.select_related("kind").filter(pk=unit_id).first()
    if unit is None:
        _kept.pop(unit_id, None)
        return None
    if len(_kept) >= _KEPT_MAX:
        _kept.clear()
    _kept[unit_id] = (units_token, unit)
    return unit


def unit_kept_path(unit_id: int) -> str | None:
    """The path of this worker's copy of the unit, whatever token it was read under: a guess
    that lets a caller read the unit's own tokens in the same round trip as UNITS (it must
    check the guess against the unit unit_kept returns)."""
    kept = _kept.get(unit_id)
    return kept[1].path if kept is not None else None


def units_kept_clear() -> None:
    """This worker's copies (tests)."""
    _kept.clear()
