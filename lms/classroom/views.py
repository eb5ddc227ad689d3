"""Assignments and hand-ins: the teacher's class list and forms, the learner's work, the
parent's view of their children's work. Every object goes through permissions.py; forbidden
ones answer 404; every change is a POST with CSRF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.accounts.models import User
from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability

from . import selectors, services
from .forms import AssignmentForm, HandInForm, MarkForm
from .permissions import (
    assignment_or_404,
    can_mark,
    can_set_assignments,
    can_view_assignment,
    can_view_child_work,
    class_or_404,
    is_assigned,
    may_hand_in,
    submission_or_404,
)
from .selectors import Status


def _lessons(unit):
    return selectors.class_lessons(unit)


@requires(Capability.MARK_SUBMISSIONS)
def class_assignments(request, unit_id: int):
    unit = class_or_404(request.user, unit_id, Capability.MARK_SUBMISSIONS)
    assignments = selectors.class_assignments(unit)
    counts = selectors.hand_in_counts(assignments)
    return render(request, "classroom/class_assignments.html", {
        "unit": unit, "rows": [(a, counts.get(a.pk, 0)) for a in assignments],
        "may_set": can_set_assignments(request.user, unit),
    })


@requires(Capability.SET_ASSIGNMENTS)
@require_http_methods(["GET", "POST"])
def assignment_new(request, unit_id: int):
    unit = class_or_404(request.user, unit_id, Capability.SET_ASSIGNMENTS)
    learners = selectors.class_learners(unit)
    form = AssignmentForm(request.POST or None, request.FILES or None, learners=learners,
                          lessons=_lessons(unit))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.assignment_create(
                actor=request.user, unit=unit, title=data["title"],
                instructions=data["instructions"], due_at=data["due_at"], lesson=data["lesson"],
                learners=list(data["learners"]), files=data["uploads"])
        except ValidationError as exc:
            form.add_error("learners", exc)
        else:
            messages.success(request, _("Đã giao bài tập “%(title)s”.") % {"title": data["title"]})
            return redirect("classroom:assignment", assignment_id=assignment.pk)
    return render(request, "classroom/assignment_form.html", {"unit": unit, "form": form},
                  status=400 if form.errors else 200)


@requires(Capability.SET_ASSIGNMENTS)
@require_http_methods(["GET", "POST"])
def assignment_edit(request, assignment_id: int):
    assignment = assignment_or_404(request.user, assignment_id)
    if not can_set_assignments(request.user, assignment.unit):
        raise Http404
    initial: dict[str, object] = {"title": assignment.title,
                                  "instructions": assignment.instructions,
                                  "lesson": assignment.lesson_id,
                                  "learners": [] if assignment.for_everyone else list(
                                      assignment.assignees.values_list("pk", flat=True))}
    from django.utils import timezone

    from .forms import VIETNAM

    local = timezone.localtime(assignment.due_at, VIETNAM)
    initial.update(due_date=local.date(), due_time=local.time().replace(second=0))
    form = AssignmentForm(request.POST or None, request.FILES or None, initial=initial,
                          learners=selectors.class_learners(assignment.unit),
                          lessons=_lessons(assignment.unit), editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assignment_update(actor=request.user, assignment=assignment,
                                       title=data["title"], instructions=data["instructions"],
                                       due_at=data["due_at"], lesson=data["lesson"],
                                       files=data["uploads"], learners=list(data["learners"]))
        except ValidationError as exc:
            form.add_error("learners", exc)
        else:
            messages.success(request, _("Đã lưu bài tập."))
            return redirect("classroom:assignment", assignment_id=assignment.pk)
    return render(request, "classroom/assignment_form.html", {
        "unit": assignment.unit, "form": form, "assignment": assignment},
        status=400 if form.errors else 200)


@require_POST
@requires(Capability.SET_ASSIGNMENTS)
def assignment_delete(request, assignment_id: int):
    assignment = assignment_or_404(request.user, assignment_id)
    if not can_set_assignments(request.user, assignment.unit):
        raise Http404
    unit_id = assignment.unit_id
    services.assignment_delete(actor=request.user, assignment=assignment)
    messages.success(request, _("Đã xóa bài tập."))
    return redirect("classroom:class_assignments", unit_id=unit_id)


@signed_in
def assignment_detail(request, assignment_id: int):
    """The markers see every hand-in; a learner it is set for sees the work, their own
    hand-in and its feedback."""
    assignment = assignment_or_404(request.user, assignment_id)
    if can_mark(request.user, assignment):
        return render(request, "classroom/assignment_teacher.html", {
            "assignment": assignment, "rows": selectors.assignment_rows(assignment),
            "files": list(assignment.files.all()),
            "may_set": can_set_assignments(request.user, assignment.unit)})
    return _learner_page(request, assignment, HandInForm())


def _learner_page(request, assignment, form, status=200):
    submission = selectors.submission_of(assignment, request.user)
    item = selectors.work_item(assignment, submission, request.user)
    return render(request, "classroom/assignment_learner.html", {
        "assignment": assignment, "item": item, "form": form,
        "files": list(assignment.files.all()),
        "may_hand_in": may_hand_in(assignment, submission)}, status=status)


@require_POST
@requires(Capability.HAND_IN)
def hand_in(request, assignment_id: int):
    assignment = assignment_or_404(request.user, assignment_id)
    if not is_assigned(request.user, assignment):
        raise Http404
    form = HandInForm(request.POST, request.FILES)
    if not form.is_valid():
        return _learner_page(request, assignment, form, status=400)
    try:
        submission = services.submission_hand_in(
            actor=request.user, assignment=assignment, text=form.cleaned_data["text"],
            files=form.cleaned_data["uploads"])
    except services.HandInClosed:
        messages.error(request, _("Không thể nộp lại: đã quá hạn nộp hoặc bài đã được chấm."))
        return redirect("classroom:assignment", assignment_id=assignment.pk)
    if submission.late:
        messages.warning(request, _("Đã nộp bài (nộp muộn)."))
    else:
        messages.success(request, _("Đã nộp bài. Bạn có thể nộp lại trước hạn."))
    return redirect("classroom:assignment", assignment_id=assignment.pk)


@signed_in
@require_http_methods(["GET", "POST"])
def submission_detail(request, submission_id: int):
    """One hand-in: the markers score, comment and return it (POST); the learner and their
    parents read it."""
    submission = submission_or_404(request.user, submission_id)
    markable = can_mark(request.user, submission.assignment)
    if request.method == "POST" and not markable:
        raise Http404
    initial = {"comment": submission.comment}
    if submission.score is not None:
        from .scores import score_display

        initial["score"] = score_display(submission.score)
    form = MarkForm(request.POST or None, initial=initial, rubric=submission.assignment.rubric,
                    filled=submission.rubric_filled) if markable else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.submission_mark(actor=request.user, submission=submission,
                                     score=form.cleaned_data["score"],
                                     comment=form.cleaned_data["comment"],
                                     rubric_levels=form.cleaned_data.get("rubric_levels"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã chấm và trả bài cho %(name)s.")
                             % {"name": submission.learner.get_full_name()})
            return redirect("classroom:assignment", assignment_id=submission.assignment_id)
    # The way back: the assignment for those who may open it, the child's work for a parent.
    may_open_assignment = markable or can_view_assignment(request.user, submission.assignment)
    return render(request, "classroom/submission.html", {
        "submission": submission, "assignment": submission.assignment, "form": form,
        "files": list(submission.files.all()), "may_open_assignment": may_open_assignment,
        "back_to_child": not may_open_assignment
        and can_view_child_work(request.user, submission.learner)},
        status=400 if form is not None and form.errors else 200)


@requires(Capability.HAND_IN)
def my_work(request):
    paths = selectors.learner_class_paths(request.user)
    from lms.units.models import Unit

    return render(request, "classroom/my_work.html", {
        "items": selectors.learner_work(request.user, paths),
        "classes": Unit.objects.filter(path__in=paths, kind__is_class=True).order_by("name")})


@signed_in
def children(request):
    """A parent's children and their work: due, missing and marked."""
    return render(request, "classroom/children.html", {
        "children": selectors.children_work(request.user), "Status": Status})


@signed_in
def child_work(request, learner_id: int):
    child = User.objects.filter(pk=learner_id).first()
    if child is None or not can_view_child_work(request.user, child):
        raise Http404
    return render(request, "classroom/children.html", {
        "children": [(child, selectors.learner_work(child, selectors.learner_class_paths(
            child)))], "Status": Status})
