"""From statements to progress. Only top-level statements about a lesson's H5P activity count
(sub-content IRIs carry ?subContentId= and never match); the best score is kept; progress goes
through courses.services.progress_record, which never moves backwards and refuses learners who
are not enrolled."""

import re
from urllib.parse import urlsplit

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


# "Hoàn thành bài học" as a statement (issue 22): the lesson page itself as the activity, sent
# by the device's offline queue (lms/offline/static/offline/queue.js) when it was made without
# a connection; the online form posts to courses:lesson_complete as before.
_LESSON_PAGE_RE = re.compile(r"^/xapi/activities/lessons/(\d+)$")


def parse_lesson_page_activity(iri: str) -> int | None:
    parts = urlsplit(iri or "")
    if parts.query or parts.fragment:
        return None
    match = _LESSON_PAGE_RE.match(parts.path)
    return int(match.group(1)) if match else None


def could_project(statement: Statement) -> bool:
    """Cheap test, no query: might this statement move a lesson's progress?"""
    from courses.h5p.selectors import parse_activity

    return (statement.user is not None and statement.verb_id in COUNTED_VERBS
            and (parse_activity(statement.activity_id) is not None
                 or parse_lesson_page_activity(statement.activity_id) is not None))


def _lesson_page_project(statement: Statement, lesson_id: int) -> bool:
    """A lesson completed on the page, maybe offline hours ago. Refused (403, the device shows
    why and drops it) when the lesson is no longer published or the learner no longer enrolled;
    a lesson completed only by its quiz or H5P activity is not completed by a page statement."""
    from courses.models import LessonPage
    from courses.selectors import lesson_completed_by_activity
    from courses.services import NotEnrolled, progress_record

    from .statements import Refused

    if statement.verb_id != VERB_COMPLETED:
        return False
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise Refused(_("Bài học này không còn được xuất bản; kết quả học ngoại tuyến không "
                        "được ghi."))
    if lesson_completed_by_activity(lesson):
        return False
    try:
        progress_record(user=statement.user, lesson=lesson, completed=True, source="page")
    except NotEnrolled:
        raise Refused(_("Bạn không còn ghi danh khóa học của bài học này; kết quả học ngoại "
                        "tuyến không được ghi.")) from None
    return True


def statement_project(statement: Statement) -> bool:
    """Apply one stored statement to progress. Returns True when it concerned a lesson."""
    from courses.h5p.selectors import lesson_h5p_pass_mark, parse_activity
    from courses.models import LessonPage
    from courses.services import NotEnrolled, progress_record

    from .statements import Refused

    if statement.verb_id not in COUNTED_VERBS or not statement.activity_id:
        return False
    page_lesson_id = parse_lesson_page_activity(statement.activity_id)
    if page_lesson_id is not None:
        return _lesson_page_project(statement, page_lesson_id)
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
