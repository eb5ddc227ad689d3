"""Reads for the player, the runtime endpoint and the lesson page."""

from django.core.cache import cache

from lms.pagecache.versioning import versioned_local_register

from .models import ScormAttempt, ScormPackage

ACTIVITY_PATH = "/xapi/activities/lessons/{lesson_id}/scorm/{package_id}"
TTL_SECONDS = 15 * 60


def activity_path(lesson_id: int, package_id: int) -> str:
    return ACTIVITY_PATH.format(lesson_id=lesson_id, package_id=package_id)


def lesson_scorm_package_ids(lesson) -> list[int]:
    """The packages the lesson's SCORM blocks show, from the raw stream data (no query), cached
    per content version (a publish changes the key)."""
    from lms.pagecache.versioning import content_version

    key = f"scorm:lesson:{content_version()}:{lesson.pk}"
    found = cache.get(key)
    if found is None:
        found = []
        for item in lesson.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "scorm" and isinstance(value.get("package"), int):
                found.append(value["package"])
        cache.set(key, found, TTL_SECONDS)
    return list(found)


def lesson_course_id(lesson) -> int:
    """The lesson's course (its parent page), cached per content version: every commit needs
    it, and a publish or move changes the key."""
    from lms.pagecache.versioning import content_version

    key = f"scorm:course:{content_version()}:{lesson.pk}"
    found = cache.get(key)
    if found is None:
        found = lesson.get_parent().pk
        cache.set(key, found, TTL_SECONDS)
    return int(found)


def package_for_lesson(lesson, package_id: int) -> ScormPackage | None:
    if package_id not in lesson_scorm_package_ids(lesson):
        return None
    return ScormPackage.objects.filter(pk=package_id).first()


def package_by_sha(sha256: str) -> ScormPackage | None:
    return ScormPackage.objects.filter(sha256=sha256).order_by("pk").first()


def latest_attempt(*, user, lesson_id: int, package_id: int) -> ScormAttempt | None:
    """The learner's own latest attempt; never anybody else's (the user is the session's)."""
    return (ScormAttempt.objects.filter(user=user, lesson_id=lesson_id, package_id=package_id)
            .order_by("-number").first())


def attempt_finished(attempt: ScormAttempt) -> bool:
    """Completed and left normally (not suspended): the next visit starts a new attempt."""
    if attempt.completion_status != "completed":
        return False
    exits = [str((sco or {}).get("exit") or "") for sco in attempt.runtime.values()]
    return bool(exits) and all(e not in ("suspend", "") for e in exits)


def _resumes(saved: dict) -> bool:
    """cmi.entry=resume: the SCO was suspended, or it was left without an exit of its own
    (the tab closed mid-session) while it had a place or data to come back to."""
    exit_value = str(saved.get("exit") or "")
    return exit_value == "suspend" or (
        exit_value == "" and bool(saved.get("suspend_data") or saved.get("location")))


def learner_marker(user) -> str:
    """Whose state this is, as the device may keep it: the player stores unsent commits with
    it and restores them only for the same learner (a shared phone: another pupil at the same
    attempt number must not send them as theirs). Not the username: derived from SECRET_KEY."""
    from django.utils.crypto import salted_hmac

    return salted_hmac("courses.scorm.learner", str(user.pk)).hexdigest()[:16]


def learner_state(*, user, lesson_id: int, package: ScormPackage) -> dict:
    """What the player starts from: the attempt to continue (or a new one) and each SCO's
    saved cmi, with entry=resume where the SCO was suspended; `learner` marks whose it is."""
    from .cmi import seconds_as

    attempt = latest_attempt(user=user, lesson_id=lesson_id, package_id=package.pk)
    if attempt is None or attempt_finished(attempt):
        number = attempt.number + 1 if attempt else 1
        return {"attempt": number, "seq": 0, "current": "", "scos": {},
                "completion": "not attempted", "success": "unknown",
                "learner": learner_marker(user)}
    scos = {}
    for identifier, saved in attempt.runtime.items():
        scos[identifier] = {
            "cmi": saved.get("cmi") or {},
            "total_time": seconds_as(package.version, int(saved.get("total_seconds") or 0)),
            "resume": _resumes(saved),
        }
    return {"attempt": attempt.number, "seq": attempt.last_seq, "current": attempt.current_sco,
            "scos": scos, "completion": attempt.completion_status,
            "success": attempt.success_status, "learner": learner_marker(user)}


# (content version, lesson id, package id) → (course id, SCORM version, the package's SCOs):
# this worker's memory of what a commit checks about its lesson and package. A publish,
# unpublish, move or deletion of a page bumps the content version (lms.pagecache), so a lesson
# taken offline or no longer showing the package is re-read at once. A package's manifest and
# version never change after upload (editable=False); a deleted package takes its attempts with
# it, so the one-statement commit (services/runtime_fast.py) then matches no row and the full
# path reads everything from the database again.
_COMMIT_TARGETS_MAX = 2000
_commit_targets: dict[tuple[int, int, int], tuple[int, str, list[dict]]] = {}
versioned_local_register(_commit_targets.clear)


def commit_target_kept(lesson_id: int, package_id: int) -> tuple[int, str, list[dict]] | None:
    """(course id, version, SCOs) when the live lesson shows the package, else None (from this
    worker's memory under the current content version; no query when warm)."""
    from courses.models import LessonPage
    from lms.pagecache.versioning import content_version

    key = (content_version(), lesson_id, package_id)
    found = _commit_targets.get(key)
    if found is not None:
        return found
    lesson = LessonPage.objects.live().defer("body").filter(pk=lesson_id).first()
    package = package_for_lesson(lesson, package_id) if lesson is not None else None
    if lesson is None or package is None:
        return None
    found = (lesson_course_id(lesson), package.version, package.scos)
    if len(_commit_targets) >= _COMMIT_TARGETS_MAX:
        _commit_targets.clear()
    _commit_targets[key] = found
    return found
