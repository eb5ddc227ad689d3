"""Thin quiz views. Learners: only their own attempts, only when enrolled. Teachers: results
and item statistics for classes they manage (lms.units.permissions). POST + CSRF for changes."""

from django.contrib import messages
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from courses.services import NotEnrolled, is_enrolled
from lms.units.access import signed_in
from lms.units.capabilities import Capability
from lms.units.permissions import can_view_learner, units_visible_to

from . import selectors, services
from .models import Attempt

# lazy: a module-level gettext would freeze the language of whoever imported it first
NOT_ENROLLED = gettext_lazy("Bạn cần đăng ký khóa học trước khi làm bài kiểm tra.")


def _lesson_with_quiz(lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    quiz = selectors.quiz_for_lesson(lesson)
    if quiz is None:
        raise Http404
    return lesson, quiz


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("lesson"), pk=attempt_id)
    if attempt.user_id != request.user.pk:
        raise Http404  # someone else's attempt: do not reveal it exists
    return attempt


@signed_in
def quiz_home(request, lesson_id: int):
    lesson, quiz = _lesson_with_quiz(lesson_id)
    course = lesson.get_parent()
    if not is_enrolled(user=request.user, course_id=course.pk):
        if units_visible_to(request.user, Capability.VIEW_REPORTS).filter(
                kind__is_class=True).exists():
            # Teachers follow the lesson's quiz link to their classes' results.
            return redirect("quizzes:statistics", lesson_id=lesson.pk)
        return HttpResponseForbidden(str(NOT_ENROLLED))
    attempts = selectors.learner_attempts(request.user, lesson)
    used = len(attempts)
    return render(request, "quizzes/quiz_home.html", {
        "lesson": lesson, "course": course, "quiz": quiz, "attempts": attempts,
        "result": selectors.learner_result(request.user, lesson),
        "open_attempt": next((a for a in attempts if a.is_open), None),
        "attempts_left": (quiz.attempts_allowed - used) if quiz.attempts_allowed else None,
    })


@require_POST
@signed_in
def quiz_start(request, lesson_id: int):
    lesson, _quiz = _lesson_with_quiz(lesson_id)
    try:
        attempt = services.attempt_start(user=request.user, lesson=lesson)
    except NotEnrolled:
        return HttpResponseForbidden(str(NOT_ENROLLED))
    except services.QuizError as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:home", lesson_id=lesson.pk)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@signed_in
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    services.attempt_expire_if_due(attempt)
    if not attempt.is_open:
        return redirect("quizzes:result", attempt_id=attempt.pk)
    quiz = selectors.quiz_for_lesson(attempt.lesson)
    remaining = None
    if attempt.deadline:
        remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    return render(request, "quizzes/attempt.html", {
        "attempt": attempt, "lesson": attempt.lesson, "quiz": quiz,
        "questions": selectors.attempt_questions(attempt), "remaining_seconds": remaining,
        "remaining_clock": _clock(remaining) if remaining is not None else "",
    })


def _clock(seconds: int) -> str:
    """"14:59" rather than "899 giây": people read a countdown as minutes and seconds (the
    script on the page keeps counting in the same form)."""
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch" or bool(getattr(request, "htmx",
                                                                             False))


@require_POST
@signed_in
def attempt_save(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    try:
        answered = services.attempt_save(attempt=attempt, data=request.POST)
    except services.AttemptClosed as exc:
        if _wants_json(request):
            return JsonResponse({"detail": str(exc)}, status=409)
        messages.error(request, str(exc))
        return redirect("quizzes:result", attempt_id=attempt.pk)
    if _wants_json(request):
        return JsonResponse({"saved": answered})
    messages.success(request, _("Đã lưu %(n)s câu trả lời.") % {"n": answered})
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@require_POST
@signed_in
def attempt_submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    try:
        services.attempt_submit(attempt=attempt, data=request.POST)
    except services.AttemptClosed as exc:
        messages.error(request, str(exc))
    return redirect("quizzes:result", attempt_id=attempt.pk)


@signed_in
def attempt_result(request, attempt_id: int):
    attempt = get_object_or_404(Attempt.objects.select_related("lesson", "user"), pk=attempt_id)
    if not can_view_learner(request.user, attempt.user):
        raise Http404
    services.attempt_expire_if_due(attempt)
    if attempt.is_open:
        if attempt.user_id == request.user.pk:
            return redirect("quizzes:attempt", attempt_id=attempt.pk)
        raise Http404
    quiz = selectors.quiz_for_lesson(attempt.lesson)
    show_key = bool(quiz and quiz.show_answers)
    return render(request, "quizzes/result.html", {
        "attempt": attempt, "lesson": attempt.lesson, "quiz": quiz, "show_key": show_key,
        "questions": selectors.attempt_questions(attempt, with_key=show_key),
        "is_owner": attempt.user_id == request.user.pk,
    })
