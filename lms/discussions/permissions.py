"""Who may read, ask, answer, accept, report and moderate lesson questions, built only on
lms.units.permissions.

The scope is the class: a question belongs to the asker's class and is seen by
- the class's current learners who are enrolled in the lesson's course (ASK_QUESTIONS, the
  learner role sits at the class), and
- the teachers and school heads over the class (MODERATE_QUESTIONS: a teacher's role counts at
  the class or its school).
Nobody else: not another class of the same course, not a teacher of another school, not a
parent, not an officer. Hidden posts are seen by moderators only. There are no private messages:
every post is public to the class (minors' safety). Forbidden objects answer 404 (views) or
PermissionError (services)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from courses.models import Enrolment
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, role_paths, units_visible_to

from .models import Answer, Question


def can_moderate(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit, Capability.MODERATE_QUESTIONS)


def _enrolled(user, course_id: int) -> bool:
    cache = getattr(user, "_hocmo_qa_enrolled", None)
    if cache is None:
        cache = user._hocmo_qa_enrolled = {}
    if course_id not in cache:
        cache[course_id] = Enrolment.objects.filter(user=user, course_id=course_id).exists()
    return cache[course_id]


def learner_classes(user, course_id: int) -> list[Unit]:
    """The classes where `user` is a current learner, if enrolled in the course (else none)."""
    paths = role_paths(user, Capability.ASK_QUESTIONS)
    if not paths or not _enrolled(user, course_id):
        return []
    return list(Unit.objects.filter(path__in=paths, kind__is_class=True).order_by("path")
                .only("pk", "name", "path"))


def is_participant(user, unit: Unit, course_id: int) -> bool:
    """A current learner of the class itself, enrolled in the course."""
    return (user.is_authenticated and unit.path in role_paths(user, Capability.ASK_QUESTIONS)
            and _enrolled(user, course_id))


def can_view_question(user, question: Question) -> bool:
    if can_moderate(user, question.unit):
        return True
    return question.hidden_at is None and is_participant(user, question.unit,
                                                         question.course_id)


def can_answer(user, question: Question) -> bool:
    return question.hidden_at is None and can_view_question(user, question)


def can_accept(user, question: Question) -> bool:
    """The asker (still a participant) or a moderator of the class."""
    if can_moderate(user, question.unit):
        return True
    return question.author_id == user.pk and can_answer(user, question)


def can_report(user, question: Question) -> bool:
    return can_view_question(user, question)


def can_view_answer(user, answer: Answer) -> bool:
    question = answer.question
    if can_moderate(user, question.unit):
        return True
    return answer.hidden_at is None and can_view_question(user, question)


def question_or_404(user, question_id: int) -> Question:
    question = get_object_or_404(
        Question.objects.select_related("unit", "author", "lesson", "accepted_answer"),
        pk=question_id)
    if not can_view_question(user, question):
        raise Http404
    return question


def answer_or_404(user, answer_id: int) -> Answer:
    answer = get_object_or_404(
        Answer.objects.select_related("question__unit", "question__lesson", "author"),
        pk=answer_id)
    if not can_view_answer(user, answer):
        raise Http404
    return answer


def moderated_units(user):
    """The classes whose questions `user` moderates (a queryset of units)."""
    return units_visible_to(user, Capability.MODERATE_QUESTIONS).filter(kind__is_class=True)
