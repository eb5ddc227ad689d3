"""Questions on a lesson: the lesson's Q&A page (`/bai-hoc/<id>/hoi-dap/`, ask there), a
question's thread (answer, accept, report), and the teachers' controls (hide, restore). Thin:
permissions.py decides, services.py writes. Forbidden objects answer 404. The lesson page itself
only links here: nothing of one person goes into its cached skeleton (courses/lesson_page.py)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import LessonPage
from lms.http import safe_next_url
from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability

from . import selectors, services
from .forms import AnswerForm, QuestionForm, ReportForm
from .models import ANSWER_MAX, QUESTION_MAX, REASON_MAX
from .permissions import (
    answer_or_404,
    can_accept,
    can_answer,
    can_moderate,
    learner_classes,
    question_or_404,
)

PER_PAGE = 20
LIMITS = {"question_max": QUESTION_MAX, "answer_max": ANSWER_MAX, "reason_max": REASON_MAX}


def _lesson_or_404(lesson_id: int) -> tuple[LessonPage, int]:
    lesson = get_object_or_404(LessonPage.objects.live().only("pk", "title", "path", "depth",
                                                              "url_path"), pk=lesson_id)
    parent = lesson.get_parent()
    if parent is None:
        raise Http404
    return lesson, parent.pk


def _lesson_page(request, lesson, course_id, form=None, status=200):
    classes = learner_classes(request.user, course_id)
    questions, moderator = selectors.lesson_questions(request.user, lesson.pk, course_id)
    if not classes and not moderator:
        raise Http404
    page = Paginator(questions, PER_PAGE).get_page(request.GET.get("trang"))
    return render(request, "discussions/lesson.html", {
        "lesson": lesson, "page": page, "moderator": moderator, "classes": classes,
        "form": form or (QuestionForm(classes=classes) if classes else None), **LIMITS},
        status=status)


@signed_in
@require_http_methods(["GET", "POST"])
def lesson(request, lesson_id: int):
    lesson, course_id = _lesson_or_404(lesson_id)
    if request.method == "GET":
        return _lesson_page(request, lesson, course_id)
    classes = learner_classes(request.user, course_id)
    if not classes:
        raise Http404
    form = QuestionForm(request.POST, classes=classes)
    if not form.is_valid():
        return _lesson_page(request, lesson, course_id, form=form, status=400)
    try:
        question = services.question_ask(actor=request.user, lesson=lesson, course_id=course_id,
                                         unit=form.cleaned_data["unit"],
                                         text=form.cleaned_data["text"])
    except services.TooManyPosts:
        form.add_error(None, _("Em đã hỏi nhiều câu liền. Hãy thử lại sau vài phút."))
        return _lesson_page(request, lesson, course_id, form=form, status=429)
    messages.success(request, _("Đã gửi câu hỏi. Thầy cô và các bạn trong lớp sẽ trả lời."))
    return redirect("discussions:question", question_id=question.pk)


def _question_page(request, question, form=None, status=200):
    user = request.user
    moderator = can_moderate(user, question.unit)
    return render(request, "discussions/question.html", {
        "question": question, "lesson": question.lesson, "moderator": moderator,
        "answers": selectors.question_answers(question, moderator=moderator),
        "may_accept": can_accept(user, question),
        "form": form or (AnswerForm() if can_answer(user, question) else None),
        "report_form": ReportForm(), **LIMITS}, status=status)


@signed_in
@require_http_methods(["GET"])
def question(request, question_id: int):
    return _question_page(request, question_or_404(request.user, question_id))


@require_POST
@signed_in
def answer(request, question_id: int):
    question = question_or_404(request.user, question_id)
    if not can_answer(request.user, question):
        raise Http404
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, form=form, status=400)
    try:
        services.answer_post(actor=request.user, question=question,
                             text=form.cleaned_data["text"])
    except services.TooManyPosts:
        form.add_error(None, _("Bạn đã trả lời nhiều lần liền. Hãy thử lại sau vài phút."))
        return _question_page(request, question, form=form, status=429)
    messages.success(request, _("Đã gửi câu trả lời."))
    return redirect("discussions:question", question_id=question.pk)


@require_POST
@signed_in
def accept(request, answer_id: int):
    answer = answer_or_404(request.user, answer_id)
    if not can_accept(request.user, answer.question) or answer.hidden_at is not None:
        raise Http404
    accepted = services.answer_accept(actor=request.user, answer=answer)
    messages.success(request, _("Đã chọn câu trả lời đúng.") if accepted
                     else _("Đã bỏ chọn câu trả lời."))
    return redirect("discussions:question", question_id=answer.question_id)


def _back(request, question) -> str:
    return safe_next_url(request, request.POST.get("next", ""),
                         reverse("discussions:question", args=[question.pk]))


@require_POST
@signed_in
def report_question(request, question_id: int):
    question = question_or_404(request.user, question_id)
    return _report(request, question, None)


@require_POST
@signed_in
def report_answer(request, answer_id: int):
    answer = answer_or_404(request.user, answer_id)
    return _report(request, answer.question, answer)


def _report(request, question, answer):
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, status=400)
    services.post_report(actor=request.user, question=question, answer=answer,
                         reason=form.cleaned_data["reason"])
    messages.success(request, _("Cảm ơn bạn. Thầy cô sẽ xem xét báo cáo này."))
    return redirect(_back(request, question))


def _hidden_flag(request) -> bool:
    value = request.POST.get("an")
    if value not in ("0", "1"):
        raise Http404
    return value == "1"


@require_POST
@requires(Capability.MODERATE_QUESTIONS)
def hide_question(request, question_id: int):
    question = question_or_404(request.user, question_id)
    if not can_moderate(request.user, question.unit):
        raise Http404
    hidden = _hidden_flag(request)
    services.post_hide(actor=request.user, question=question, hidden=hidden)
    messages.success(request, _("Đã ẩn câu hỏi.") if hidden else _("Đã hiện lại câu hỏi."))
    return redirect(_back(request, question))


@require_POST
@requires(Capability.MODERATE_QUESTIONS)
def hide_answer(request, answer_id: int):
    answer = answer_or_404(request.user, answer_id)
    if not can_moderate(request.user, answer.question.unit):
        raise Http404
    hidden = _hidden_flag(request)
    services.post_hide(actor=request.user, question=answer.question, answer=answer,
                       hidden=hidden)
    messages.success(request, _("Đã ẩn câu trả lời.") if hidden
                     else _("Đã hiện lại câu trả lời."))
    return redirect(_back(request, answer.question))
