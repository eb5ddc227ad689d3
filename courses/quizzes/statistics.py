"""Item statistics for teachers: facility (share of correct answers) and discrimination (the
corrected item–total correlation: does answering this item right go with a high score on the
rest of the quiz?). Computed over submitted attempts of the learners in one unit's subtree."""

from collections.abc import Sequence
from dataclasses import dataclass
from math import sqrt

from lms.units.models import Role, RoleKind

from .models import Attempt, AttemptAnswer, Question


@dataclass
class ItemStat:
    question: Question
    answered: int
    facility: float | None
    discrimination: float | None


def learner_ids_in(unit) -> list[int]:
    return list(Role.objects.filter(kind=RoleKind.LEARNER, unit_path__startswith=unit.path,
                                    ended_at__isnull=True).values_list("user_id", flat=True))


def unit_attempts(lesson, unit) -> list[Attempt]:
    return list(Attempt.objects.filter(lesson=lesson, user_id__in=learner_ids_in(unit),
                                       submitted_at__isnull=False)
                .select_related("user").order_by("user__name_key", "user_id", "number"))


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sqrt(sxx * syy)


def item_statistics(attempts: list[Attempt]) -> list[ItemStat]:
    attempt_ids = [a.pk for a in attempts]
    rows = list(AttemptAnswer.objects.filter(attempt_id__in=attempt_ids)
                .values_list("attempt_id", "question_id", "is_correct"))
    totals: dict[int, int] = {}
    for attempt_id, _q, correct in rows:
        totals[attempt_id] = totals.get(attempt_id, 0) + bool(correct)
    by_question: dict[int, list[tuple[int, int]]] = {}
    for attempt_id, question_id, correct in rows:
        x = int(bool(correct))
        by_question.setdefault(question_id, []).append((x, totals[attempt_id] - x))
    questions = Question.objects.in_bulk(list(by_question))
    stats = []
    for question_id, pairs in by_question.items():
        xs = [p[0] for p in pairs]
        stats.append(ItemStat(questions[question_id], len(pairs), sum(xs) / len(xs),
                              _correlation(xs, [p[1] for p in pairs])))
    return sorted(stats, key=lambda s: (s.facility if s.facility is not None else 1))
