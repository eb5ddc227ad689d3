"""Quiz attempts: start, save as you go, submit once, grade on the server. A passed quiz
completes its lesson through courses.services.progress_record (monotonic)."""

import contextlib
import random
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.services import NotEnrolled, is_enrolled, progress_record

from . import grading, qti, xlsx
from .models import Attempt, AttemptAnswer, Question, QuestionOption, QuestionType, QuizResult
from .selectors import QuizSettings, open_attempt, quiz_for_lesson
from .signals import quiz_passed

# A submit that arrives this long after the deadline is still accepted (network latency).
SUBMIT_GRACE = timedelta(seconds=30)


class QuizError(Exception):
    """A learner-facing refusal; str(exc) is a Vietnamese message."""


class AttemptClosed(QuizError):
    pass


def _now():
    return timezone.now()


def attempt_start(*, user, lesson, rng: random.Random | None = None) -> Attempt:
    """Return the learner's open attempt, or start a new one drawing N random questions with
    shuffled options. Raises NotEnrolled, or QuizError when no attempts or questions are left."""
    course_id = lesson.get_parent().pk
    if not is_enrolled(user=user, course_id=course_id):
        raise NotEnrolled(lesson.pk)
    quiz = quiz_for_lesson(lesson)
    if quiz is None:
        raise QuizError(_("Bài học này không có bài kiểm tra."))
    current = open_attempt(user, lesson)
    if current is not None and not attempt_expire_if_due(current):
        return current
    used = Attempt.objects.filter(user=user, lesson=lesson).count()
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise QuizError(_("Bạn đã dùng hết %(n)s lượt làm bài.") % {"n": quiz.attempts_allowed})
    questions = _draw(course_id, quiz, rng or random.SystemRandom())
    if not questions:
        raise QuizError(_("Ngân hàng câu hỏi của khóa học chưa có câu hỏi phù hợp."))
    now = _now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes \
        else None
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user, lesson=lesson, course_id=course_id, block_id=quiz.block_id,
                number=used + 1, started_at=now, deadline=deadline, pass_mark=quiz.pass_mark,
                question_count=len(questions))
            AttemptAnswer.objects.bulk_create(
                [_shown(attempt, position, question, rng or random.SystemRandom())
                 for position, question in enumerate(questions, start=1)])
    except IntegrityError:  # a concurrent start (double click) made it first
        current = open_attempt(user, lesson)
        if current is None:
            raise
        return current
    return attempt


def _draw(course_id: int, quiz: QuizSettings, rng: random.Random) -> list[Question]:
    candidates = list(Question.objects.filter(course_id=course_id)
                      .prefetch_related("options").order_by("pk"))
    if quiz.tags:
        wanted = {grading.fold(t) for t in quiz.tags}
        candidates = [q for q in candidates if wanted & {grading.fold(t) for t in q.tag_list}]
    candidates = [q for q in candidates if q.options.all()]
    return rng.sample(candidates, min(quiz.question_count, len(candidates)))


def _shown(attempt: Attempt, position: int, question: Question,
           rng: random.Random) -> AttemptAnswer:
    option_ids = [o.pk for o in question.options.all()]
    if question.qtype != QuestionType.TRUE_FALSE:  # “Đúng” stays before “Sai”
        rng.shuffle(option_ids)
    match_ids = []
    if question.qtype == QuestionType.MATCHING:
        match_ids = list(option_ids)
        rng.shuffle(match_ids)
    return AttemptAnswer(attempt=attempt, question=question, position=position,
                         option_order=option_ids, match_order=match_ids)


def _is_past_deadline(attempt: Attempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + SUBMIT_GRACE


def attempt_save(*, attempt: Attempt, data) -> int:
    """Save the answers in `data` (a QueryDict of the attempt form). Returns how many questions
    have an answer. Raises AttemptClosed once submitted or past the deadline."""
    if attempt.submitted_at is not None:
        raise AttemptClosed(_("Bài làm này đã được nộp."))
    now = _now()
    if _is_past_deadline(attempt, now):
        attempt_expire_if_due(attempt)
        raise AttemptClosed(_("Đã hết thời gian làm bài; các câu đã lưu được chấm điểm."))
    answers = list(AttemptAnswer.objects.filter(attempt=attempt).select_related("question"))
    answered = 0
    for answer in answers:
        response = grading.parse_response(answer.question.qtype, len(answer.option_order),
                                          len(answer.match_order), data, f"q{answer.position}")
        answer.response = response
        answer.saved_at = now
        answered += response is not None
    # Only while the attempt is still open: a save racing a submit never changes graded answers.
    with transaction.atomic():
        if Attempt.objects.select_for_update().filter(pk=attempt.pk,
                                                      submitted_at__isnull=True).exists():
            AttemptAnswer.objects.bulk_update(answers, ["response", "saved_at"])
        else:
            raise AttemptClosed(_("Bài làm này đã được nộp."))
    return answered


def attempt_submit(*, attempt: Attempt, data=None) -> tuple[Attempt, bool]:
    """Save `data` (if any) then grade and close the attempt. Returns (attempt, graded_now):
    a second submit grades nothing and returns the first result. After the deadline the posted
    answers are refused (AttemptClosed) and the attempt is graded on what was saved in time."""
    if attempt.submitted_at is not None:
        return attempt, False
    if _is_past_deadline(attempt, _now()):
        attempt_expire_if_due(attempt)
        raise AttemptClosed(_("Đã hết thời gian làm bài; các câu đã lưu được chấm điểm."))
    if data is not None:
        try:
            attempt_save(attempt=attempt, data=data)
        except AttemptClosed:
            attempt.refresh_from_db()
            return attempt, False
    return _grade_and_close(attempt, expired=False)


def attempt_expire_if_due(attempt: Attempt) -> bool:
    """Close an open attempt whose time is up, grading the answers saved in time."""
    if attempt.submitted_at is None and _is_past_deadline(attempt, _now()):
        _grade_and_close(attempt, expired=True)
        return True
    return False


def _grade_and_close(attempt: Attempt, *, expired: bool) -> tuple[Attempt, bool]:
    answers = list(AttemptAnswer.objects.filter(attempt=attempt)
                   .select_related("question").prefetch_related("question__options"))
    correct = 0
    for answer in answers:
        by_id = {o.pk: o for o in answer.question.options.all()}
        answer.is_correct = grading.is_correct(answer.question, by_id, answer.option_order,
                                               answer.match_order, answer.response)
        correct += answer.is_correct
    total = len(answers) or 1
    score = round(100 * correct / total)
    passed = score >= attempt.pass_mark
    now = _now()
    submitted_at = min(now, attempt.deadline) if expired and attempt.deadline else now
    with transaction.atomic():
        # The conditional UPDATE decides: only one request flips submitted_at from NULL.
        closed = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            submitted_at=submitted_at, score_percent=score, correct_count=correct,
            question_count=len(answers), passed=passed, expired=expired)
        if not closed:
            attempt.refresh_from_db()
            return attempt, False
        AttemptAnswer.objects.bulk_update(answers, ["is_correct"])
        first_pass = _result_record(attempt, score, passed, now)
    attempt.refresh_from_db()
    # A pass completes the lesson; a fail still records how far the learner got. If the
    # enrolment was removed mid-attempt the score stays and the lesson does not move.
    with contextlib.suppress(NotEnrolled):
        if passed:
            progress_record(user=attempt.user, lesson=attempt.lesson, completed=True,
                            source="quiz")
        else:
            progress_record(user=attempt.user, lesson=attempt.lesson, percent=min(score, 99),
                            source="quiz")
    if first_pass:
        transaction.on_commit(lambda: quiz_passed.send(sender=Attempt, attempt=attempt))
    return attempt, True


def _result_record(attempt: Attempt, score: int, passed: bool, now) -> bool:
    """Keep the best score (GREATEST) and the first pass time. True when this is the first pass."""
    QuizResult.objects.get_or_create(user_id=attempt.user_id, lesson_id=attempt.lesson_id,
                                     defaults={"course_id": attempt.course_id})
    rows = QuizResult.objects.filter(user_id=attempt.user_id, lesson_id=attempt.lesson_id)
    rows.update(best_percent=Greatest(F("best_percent"), Value(score)),
                attempts_used=F("attempts_used") + 1)
    if passed:
        return rows.filter(passed_at__isnull=True).update(passed_at=now) == 1
    return False


def questions_import(course, data: bytes) -> dict:
    """A teacher's XLSX of questions added to the course's bank, all or nothing; a question
    already in the bank (same type, same folded text) is skipped. Returns {"created": n,
    "skipped": n}. Raises xlsx.ImportError_ listing every bad cell."""
    return _questions_add(course, xlsx.questions_parse(data))


def questions_import_qti(course, data: bytes) -> dict:
    """A QTI 3.0 (or 2.1) package or item added to the bank, the same way as the XLSX import:
    all or nothing, duplicates skipped. Raises qti.QtiError (an xlsx.ImportError_) listing every
    problem by file."""
    return _questions_add(course, qti.questions_parse(data))


def _questions_add(course, parsed_rows) -> dict:
    existing = {(q.qtype, grading.fold(q.text)) for q in Question.objects.filter(course=course)}
    created = skipped = 0
    with transaction.atomic():
        for fields, options in parsed_rows:
            key = (fields["qtype"], grading.fold(fields["text"]))
            if key in existing:
                skipped += 1
                continue
            existing.add(key)
            question = Question.objects.create(course=course, **fields)
            QuestionOption.objects.bulk_create(
                [QuestionOption(question=question, **option) for option in options])
            created += 1
    return {"created": created, "skipped": skipped}
