"""Reads of lesson questions, always within what permissions.py lets the viewer see."""

from django.db.models import Count, Q, QuerySet

from lms.units.models import Role, RoleKind, Unit

from .models import Answer, Question, Report, ReportState
from .permissions import learner_classes, moderated_units


def lesson_questions(user, lesson_id: int, course_id: int) -> tuple[QuerySet[Question], bool]:
    """The lesson's questions the viewer may see, newest first, with their visible answer
    counts; and whether the viewer moderates (sees hidden posts and every class they teach)."""
    classes = learner_classes(user, course_id)
    units = moderated_units(user)
    moderator = units.exists()
    visible = Q(unit__in=[u.pk for u in classes], hidden_at__isnull=True)
    if moderator:
        visible |= Q(unit__in=units.values("pk"))
    if not classes and not moderator:
        return Question.objects.none(), False
    shown_answers = Q() if moderator else Q(answers__hidden_at__isnull=True)
    questions = (Question.objects.filter(visible, lesson_id=lesson_id)
                 .select_related("author", "unit")
                 .annotate(answer_count=Count("answers", filter=shown_answers))
                 .order_by("-created_at", "-pk"))
    return questions, moderator


def question_answers(question: Question, *, moderator: bool) -> list[Answer]:
    answers = question.answers.select_related("author")
    if not moderator:
        answers = answers.filter(hidden_at__isnull=True)
    return list(answers)


def class_teachers(unit: Unit):
    """The class's teachers: live teacher roles at the class itself."""
    from lms.accounts.models import User

    return User.objects.filter(
        pk__in=Role.objects.filter(unit=unit, kind=RoleKind.TEACHER, ended_at__isnull=True)
        .values("user_id"), is_active=True).order_by("pk")


def open_reports(user) -> list[dict]:
    """The moderation queue: each reported post of the viewer's classes with its open reports,
    oldest first."""
    reports = (Report.objects.filter(state=ReportState.OPEN,
                                     question__unit__in=moderated_units(user).values("pk"))
               .select_related("question__unit", "question__author", "question__lesson",
                               "answer__author", "reporter")
               .order_by("created_at", "pk")[:500])
    posts: dict[tuple[int, int | None], dict] = {}
    for report in reports:
        key = (report.question_id, report.answer_id)
        entry = posts.setdefault(key, {"question": report.question, "answer": report.answer,
                                       "first": report, "reports": []})
        entry["reports"].append(report)
    return list(posts.values())


def hidden_posts(user, limit: int = 50) -> tuple[list[Question], list[Answer]]:
    units = moderated_units(user).values("pk")
    questions = (Question.objects.filter(unit__in=units, hidden_at__isnull=False)
                 .select_related("unit", "author", "lesson").order_by("-hidden_at")[:limit])
    answers = (Answer.objects.filter(question__unit__in=units, hidden_at__isnull=False)
               .select_related("question__unit", "author").order_by("-hidden_at")[:limit])
    return list(questions), list(answers)
