"""A learner's runtime commit: stored per attempt and SCO, idempotent by sequence number,
turned into lesson progress (courses.services.progress_record: monotonic) and into xAPI
statements in the LRS (ADL's SCORM profile verbs), all in one transaction.

Trust: the caller (views.commit) has already set the learner from the session and checked the
lesson shows the package; nothing in the commit names a learner. The SCORM data itself is
stored as committed (a SCO may set its own status back to incomplete); what never goes back is
what the platform derives from it: the attempt's completion, success and best score, and
lesson progress."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max

from courses.services import NotEnrolled, is_enrolled, progress_record

from ..cmi import Commit, ScoState, sco_state
from ..models import ScormAttempt, ScormPackage
from ..selectors import attempt_finished, lesson_course_id
from .statements import scorm_statements_emit


class AttemptRefused(ValueError):
    """The commit names an attempt the learner may not write (not the latest, nor the next)."""


@dataclass
class CommitResult:
    stored: bool
    attempt: ScormAttempt
    percent: int
    completed: bool


def _attempt_for(user, lesson, package: ScormPackage, number: int) -> ScormAttempt:
    """The attempt row, locked. Only the latest attempt may be written, or the next one once
    the latest is finished (or the first one)."""
    rows = ScormAttempt.objects.filter(user=user, lesson=lesson, package=package)
    latest = rows.aggregate(n=Max("number"))["n"] or 0
    if number != latest:
        finished = latest == 0 or attempt_finished(rows.get(number=latest))
        if number != latest + 1 or not finished:
            raise AttemptRefused(number)
        try:
            with transaction.atomic():
                ScormAttempt.objects.create(user=user, lesson=lesson, package=package,
                                            number=number)
        except IntegrityError:  # a concurrent commit created it first
            pass
    return rows.select_for_update().get(number=number)


_COMPLETION_RANK = {"not attempted": 0, "incomplete": 1, "completed": 2}


def _summarise(package: ScormPackage, attempt: ScormAttempt) -> tuple[str, str, float | None]:
    """The attempt's completion, success and score over all its SCOs."""
    scos = package.scos
    states = [attempt.runtime.get(item["identifier"]) or {} for item in scos]
    completions = [s.get("completion", "not attempted") for s in states]
    if completions and all(c == "completed" for c in completions):
        completion = "completed"
    elif any(c != "not attempted" for c in completions):
        completion = "incomplete"
    else:
        completion = "not attempted"
    successes = [s.get("success", "unknown") for s in states]
    if "failed" in successes:
        success = "failed"
    elif successes and "passed" in successes and all(
            s == "passed" or not _requires_pass(item) for s, item in zip(successes, scos,
                                                                         strict=True)):
        success = "passed"
    else:
        success = "unknown"
    scores = [s["score_scaled"] for s in states if s.get("score_scaled") is not None]
    return completion, success, (sum(scores) / len(scores) if scores else None)


def _requires_pass(item: dict) -> bool:
    return item.get("masteryscore") is not None or item.get("scaled_passing_score") is not None


def lesson_outcome(package: ScormPackage, attempt: ScormAttempt) -> tuple[int, bool]:
    """(percent, completed) for the lesson: completed when every SCO is, and passed where the
    manifest sets a pass mark (a failed SCO keeps the lesson open for another attempt)."""
    scos = package.scos
    done = sum(1 for item in scos
               if (attempt.runtime.get(item["identifier"]) or {}).get("completion")
               == "completed")
    needs_pass = any(_requires_pass(item) for item in scos)
    completed = attempt.completion_status == "completed" and (
        attempt.success_status == "passed" if needs_pass
        else attempt.success_status != "failed")
    percent = 100 if completed else min(99, round(100 * done / max(len(scos), 1)))
    return percent, completed


def _apply(package: ScormPackage, attempt: ScormAttempt, commit: Commit,
           state: ScoState) -> dict:
    """Store the SCO's data; returns its previous summary (for the statements)."""
    previous = dict(attempt.runtime.get(commit.sco) or {})
    total = int(previous.get("total_seconds") or 0)
    if commit.terminated:
        total += state.session_seconds  # a session's time counts once, when it ends
    attempt.runtime[commit.sco] = {
        "cmi": commit.cmi, "total_seconds": total, "completion": state.completion,
        "success": state.success, "score_scaled": state.score_scaled, "exit": state.exit,
        "suspend_data": bool(state.suspend_data), "location": bool(state.location),
    }
    completion, success, score = _summarise(package, attempt)
    # Derived values never go backwards: a finished attempt stays finished, a pass stays.
    if _COMPLETION_RANK[completion] > _COMPLETION_RANK.get(attempt.completion_status, 0):
        attempt.completion_status = completion
    if attempt.success_status != "passed" and success != "unknown":
        attempt.success_status = success
    if score is not None and (attempt.score_scaled is None or score > attempt.score_scaled):
        attempt.score_scaled = score
    attempt.current_sco = commit.sco
    attempt.location = state.location[:1000]
    attempt.suspend_data = state.suspend_data
    attempt.total_seconds = sum(int((s or {}).get("total_seconds") or 0)
                                for s in attempt.runtime.values())
    attempt.last_seq = commit.seq
    return previous


def scorm_commit_record(*, user, lesson, package: ScormPackage, commit: Commit) -> CommitResult:
    """Store one commit. A replayed or older `seq` changes nothing (stored=False). Raises
    NotEnrolled (the learner is not in the lesson's course) or AttemptRefused."""
    course_id = getattr(lesson, "_course_id", None) or lesson_course_id(lesson)
    lesson._course_id = course_id  # progress_record reads it instead of asking again
    if not is_enrolled(user=user, course_id=course_id):
        raise NotEnrolled(lesson.pk)
    item = next((i for i in package.scos if i["identifier"] == commit.sco), {})
    state = sco_state(package.version, commit.cmi, item)
    with transaction.atomic():
        attempt = _attempt_for(user, lesson, package, commit.attempt)
        if commit.seq <= attempt.last_seq:
            percent, completed = lesson_outcome(package, attempt)
            return CommitResult(False, attempt, percent, completed)
        before = lesson_outcome(package, attempt)
        previous = _apply(package, attempt, commit, state)
        attempt.save()
        percent, completed = lesson_outcome(package, attempt)
        # Most commits are a SCO saving its place: they change no progress, and skipping
        # progress_record then keeps a commit to a few queries (issue 21's ≥ 300 commits/s).
        # A session's start and end always go through (last lesson, study time).
        if (percent, completed) != before or commit.initialized or commit.terminated:
            progress_record(user=user, lesson=lesson, percent=percent, completed=completed,
                            seconds=state.session_seconds if commit.terminated else 0,
                            source="scorm")
        scorm_statements_emit(user=user, lesson=lesson, package=package, attempt=attempt,
                              commit=commit, state=state, previous=previous)
    return CommitResult(True, attempt, percent, completed)
