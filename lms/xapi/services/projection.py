"""From statements to progress. Only top-level statements about a lesson's H5P activity count
(sub-content IRIs carry ?subContentId= and never match); the best score is kept; progress goes
through courses.services.progress_record, which never moves backwards and refuses learners who
are not enrolled."""

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from ..models import LessonScore, Statement

VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_PASSED = "http://adlnet.gov/expapi/verbs/passed"
COUNTED_VERBS = {VERB_COMPLETED, VERB_ANSWERED, VERB_PASSED,
                 "http://adlnet.gov/expapi/verbs/scored", "http://adlnet.gov/expapi/verbs/failed"}


def scaled_score(result: dict) -> float | None:
    score = result.get("score") or {}
    if "scaled" in score:
        return max(0.0, min(1.0, float(score["scaled"])))
    raw, high, low = score.get("raw"), score.get("max"), score.get("min", 0)
    if raw is not None and high is not None and high > low:
        return max(0.0, min(1.0, (raw - low) / (high - low)))
    return None


def lesson_outcome(verb: str, result: dict, pass_mark: int) -> tuple[int, bool]:
    """(percent, completed) for one statement under the lesson's pass mark (0–100)."""
    scaled = scaled_score(result)
    percent = round(scaled * 100) if scaled is not None else 0
    reached = scaled is not None and percent >= pass_mark
    if verb == VERB_COMPLETED:
        # With a pass mark, a scored completion must reach it; without one, finishing counts.
        completed = scaled is None or pass_mark == 0 or reached
    elif verb in (VERB_ANSWERED, VERB_PASSED):
        completed = result.get("success") is True and (pass_mark == 0 or scaled is None
                                                       or reached) or (pass_mark > 0 and reached)
    else:
        completed = False
    return (100 if completed else min(percent, 99)), completed


def _keep_best(user, lesson, activity_id: str, scaled: float | None) -> None:
    try:
        with transaction.atomic():
            LessonScore.objects.get_or_create(user=user, lesson=lesson, activity_id=activity_id)
    except IntegrityError:
        pass
    LessonScore.objects.filter(user=user, lesson=lesson, activity_id=activity_id).update(
        best_scaled=Greatest(F("best_scaled"), Value(scaled if scaled is not None else 0.0)),
        attempts=F("attempts") + 1,
    )


def could_project(statement: Statement) -> bool:
    """Cheap test, no query: might this statement move a lesson's progress?"""
    from courses.h5p.selectors import parse_activity

    return (statement.user is not None and statement.verb_id in COUNTED_VERBS
            and parse_activity(statement.activity_id) is not None)


def statement_project(statement: Statement) -> bool:
    """Apply one stored statement to progress. Returns True when it concerned a lesson."""
    from courses.h5p.selectors import lesson_h5p_pass_mark, parse_activity
    from courses.models import LessonPage
    from courses.services import NotEnrolled, progress_record

    from .statements import Refused

    if statement.verb_id not in COUNTED_VERBS or not statement.activity_id:
        return False
    parsed = parse_activity(statement.activity_id)
    if parsed is None:
        return False
    lesson_id, content_id = parsed
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        return False
    pass_mark = lesson_h5p_pass_mark(lesson, content_id)
    if pass_mark is None:  # the lesson does not show this activity
        return False
    result = statement.payload.get("result") or {}
    percent, completed = lesson_outcome(statement.verb_id, result, pass_mark)
    try:
        progress_record(user=statement.user, lesson=lesson, percent=percent,
                        completed=completed, source="xapi")
    except NotEnrolled:
        raise Refused(_("Bạn chưa đăng ký khóa học của bài học này.")) from None
    if "score" in result:
        _keep_best(statement.user, lesson, statement.activity_id, scaled_score(result))
    return True
