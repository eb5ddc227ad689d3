"""The common commit in one statement (issue 21's ≥ 300 commits/s): a SCO saving its place
(location, suspend_data, interactions) while nothing the platform derives from it moves.

scorm_commit_record (runtime.py) checks the enrolment, finds the latest attempt, locks it, reads
it back, updates it and maybe records progress and statements: 6–9 statements. Most commits
change none of the derived values, so this path does the same checks inside ONE conditional
UPDATE … RETURNING and touches nothing else. It applies only when every rule the full path
enforces holds in the WHERE clause:

- the learner is enrolled in the lesson's course (EXISTS on the enrolment);
- the attempt is the learner's latest for this lesson and package (NOT EXISTS a higher one);
- `seq` is above the attempt's last (idempotent: a replay matches no row);
- the SCO already has saved data whose completion, success and scaled score equal the new
  ones: then the attempt's summary, the lesson's percent and every xAPI verb are unchanged
  (statements.py emits only on a change of those, or on initialize / terminate, which never
  take this path), so skipping progress_record and the statements loses nothing.

Anything else (first commit of a SCO, a status or score change, a session's start or end, a
replay, not enrolled, an old attempt) matches no row and the caller runs the full path, which
answers it exactly as before. The SCO's total time is kept from the stored value (a session's
time is added only on terminate)."""

import json
from dataclasses import dataclass

from django.db import connection

from courses.models import Enrolment

from ..cmi import Commit, ScoState
from ..models import ScormAttempt, ScormPackage
from .runtime import lesson_outcome


@dataclass
class FastResult:
    """What the commit view answers, as runtime.CommitResult gives it."""

    stored: bool
    attempt: ScormAttempt
    percent: int
    completed: bool


def _sql() -> str:
    attempts = ScormAttempt._meta.db_table
    enrolments = Enrolment._meta.db_table
    # Only the two table names (from the models) are formatted in; every value is a parameter.
    return f"""
UPDATE {attempts} AS a SET
  runtime = jsonb_set(a.runtime, ARRAY[%(sco)s],
                      %(entry)s::jsonb || jsonb_build_object(
                        'total_seconds', COALESCE(a.runtime -> %(sco)s -> 'total_seconds',
                                                  '0'::jsonb))),
  current_sco = %(sco)s, location = %(location)s, suspend_data = %(suspend)s,
  last_seq = %(seq)s, updated_at = now()
WHERE a.user_id = %(user)s AND a.lesson_id = %(lesson)s AND a.package_id = %(package)s
  AND a.number = %(number)s AND a.last_seq < %(seq)s
  AND a.runtime -> %(sco)s ->> 'completion' = %(completion)s
  AND a.runtime -> %(sco)s ->> 'success' = %(success)s
  AND a.runtime -> %(sco)s -> 'score_scaled' = %(score)s::jsonb
  AND NOT EXISTS (SELECT 1 FROM {attempts} AS later WHERE later.user_id = a.user_id
                  AND later.lesson_id = a.lesson_id AND later.package_id = a.package_id
                  AND later.number > a.number)
  AND EXISTS (SELECT 1 FROM {enrolments} AS e WHERE e.user_id = %(user)s
              AND e.course_id = %(course)s)
RETURNING a.number, a.last_seq, a.completion_status, a.success_status,
  (SELECT jsonb_object_agg(j.key, j.value -> 'completion') FROM jsonb_each(a.runtime) AS j)
"""  # noqa: S608


_SQL: list[str] = []


def scorm_commit_fast(*, user_id: int, lesson_id: int, package_id: int, course_id: int,
                      scos: list[dict], commit: Commit, state: ScoState) -> FastResult | None:
    """Store a place-saving commit in one UPDATE; None when the commit needs the full path
    (runtime.scorm_commit_record), which then decides everything as before."""
    # jsonb operators: on SQLite (the embedded default, one school's server) every commit takes
    # the full path, which answers the same.
    if commit.initialized or commit.terminated or connection.vendor != "postgresql":
        return None
    if not _SQL:
        _SQL.append(_sql())
    entry = {"cmi": commit.cmi, "completion": state.completion, "success": state.success,
             "score_scaled": state.score_scaled, "exit": state.exit,
             "suspend_data": bool(state.suspend_data), "location": bool(state.location)}
    with connection.cursor() as cursor:
        cursor.execute(_SQL[0], {
            "sco": commit.sco, "entry": json.dumps(entry), "location": state.location[:1000],
            "suspend": state.suspend_data, "seq": commit.seq, "user": user_id,
            "lesson": lesson_id, "package": package_id, "number": commit.attempt,
            "completion": state.completion, "success": state.success,
            "score": json.dumps(state.score_scaled), "course": course_id})
        row = cursor.fetchone()
    if row is None:
        return None
    number, last_seq, completion, success, completions = row
    if isinstance(completions, str):  # a driver without jsonb decoding
        completions = json.loads(completions)
    attempt = ScormAttempt(
        user_id=user_id, lesson_id=lesson_id, package_id=package_id, number=number,
        last_seq=last_seq, completion_status=completion, success_status=success,
        runtime={key: {"completion": value} for key, value in (completions or {}).items()})
    # lesson_outcome reads only the package's SCO list.
    percent, completed = lesson_outcome(ScormPackage(manifest={"scos": scos}), attempt)
    return FastResult(True, attempt, percent, completed)
