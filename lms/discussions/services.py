"""Every write of lesson questions. Each service checks permissions.py first
(PermissionError); asking and answering are rate-limited per person (lms.throttle) and queue
their notices after commit (tasks take ids)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.accounts.models import User
from lms.throttle import attempt_count, attempts
from lms.units.models import Unit

from .models import Answer, Question, Report, ReportState
from .permissions import can_accept, can_answer, can_moderate, can_report, is_participant

# At most this many posts per person in a window of WINDOW seconds.
QUESTIONS_PER_WINDOW = 5
ANSWERS_PER_WINDOW = 20
WINDOW = 10 * 60


class TooManyPosts(Exception):
    """The person posted too often: try again in a few minutes."""


def _throttle(kind: str, user: User, limit: int) -> None:
    key = f"qa:{kind}:{user.pk}"
    if attempts(key) >= limit:
        raise TooManyPosts
    attempt_count(key, WINDOW)


def question_ask(*, actor: User, lesson, course_id: int, unit: Unit, text: str) -> Question:
    """`unit`: one of the asker's classes (permissions.learner_classes)."""
    if not is_participant(actor, unit, course_id):
        raise PermissionError
    _throttle("ask", actor, QUESTIONS_PER_WINDOW)
    question = Question.objects.create(lesson=lesson, course_id=course_id, unit=unit,
                                       author=actor, text=text)
    from .tasks import question_announce

    transaction.on_commit(lambda: question_announce.delay(question.pk))
    return question


def answer_post(*, actor: User, question: Question, text: str) -> Answer:
    if not can_answer(actor, question):
        raise PermissionError
    _throttle("answer", actor, ANSWERS_PER_WINDOW)
    answer = Answer.objects.create(question=question, author=actor, text=text)
    from .tasks import answer_announce

    transaction.on_commit(lambda: answer_announce.delay(answer.pk))
    return answer


@transaction.atomic
def answer_accept(*, actor: User, answer: Answer) -> bool:
    """Accept `answer` for its question (replacing any other); accepting the accepted answer
    again takes the mark off. Returns whether it is accepted now."""
    question = answer.question
    if not can_accept(actor, question) or answer.hidden_at is not None:
        raise PermissionError
    accepted = question.accepted_answer_id != answer.pk
    question.accepted_answer = answer if accepted else None
    Question.objects.filter(pk=question.pk).update(accepted_answer=question.accepted_answer)
    return accepted


def post_report(*, actor: User, question: Question, answer: Answer | None = None,
                reason: str = "") -> Report | None:
    """Report a post (once per person and post: a second report returns None)."""
    if answer is not None and answer.question_id != question.pk:
        raise PermissionError
    if not can_report(actor, question) or (answer is not None and answer.hidden_at is not None
                                           and not can_moderate(actor, question.unit)):
        raise PermissionError
    try:
        with transaction.atomic():
            return Report.objects.create(question=question, answer=answer, reporter=actor,
                                         reason=reason)
    except IntegrityError:
        return None


def _reports_of(question: Question, answer: Answer | None):
    reports = Report.objects.filter(question=question, state=ReportState.OPEN)
    return reports.filter(answer=answer) if answer else reports.filter(answer__isnull=True)


@transaction.atomic
def post_hide(*, actor: User, question: Question, answer: Answer | None = None,
              hidden: bool = True) -> None:
    """Hide (or restore) a question or an answer. Hiding resolves the post's open reports;
    a hidden accepted answer loses the mark."""
    if not can_moderate(actor, question.unit):
        raise PermissionError
    if answer is not None and answer.question_id != question.pk:
        raise PermissionError
    now = timezone.now()
    values = {"hidden_at": now, "hidden_by": actor} if hidden else {"hidden_at": None,
                                                                     "hidden_by": None}
    target = answer or question
    type(target).objects.filter(pk=target.pk).update(**values)
    for name, value in values.items():
        setattr(target, name, value)
    if hidden:
        _reports_of(question, answer).update(state=ReportState.HIDDEN, resolved_at=now,
                                             resolved_by=actor)
        if answer is not None and question.accepted_answer_id == answer.pk:
            Question.objects.filter(pk=question.pk).update(accepted_answer=None)
            question.accepted_answer = None


def reports_dismiss(*, actor: User, question: Question, answer: Answer | None = None) -> int:
    """The post stays: its open reports are closed as dismissed."""
    if not can_moderate(actor, question.unit):
        raise PermissionError
    return _reports_of(question, answer).update(state=ReportState.DISMISSED,
                                                resolved_at=timezone.now(), resolved_by=actor)
