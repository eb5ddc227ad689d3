"""The marking pages beyond one hand-in: the assignment's rubric, scoring a learner who
handed nothing in (paper work), per-learner due-time extensions. Each goes through
permissions.py (forbidden objects answer 404); every change is a POST with CSRF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.units.access import requires
from lms.units.capabilities import Capability

from . import selectors, services
from .forms import VIETNAM, ExtensionForm, MarkForm, RubricForm
from .models import Submission
from .permissions import assignment_or_404, can_mark, can_set_assignments
from .rubrics import rubric_max, rubric_text


def _settable_or_404(request, assignment_id: int):
    assignment = assignment_or_404(request.user, assignment_id)
    if not can_set_assignments(request.user, assignment.unit):
        raise Http404
    return assignment


@requires(Capability.SET_ASSIGNMENTS)
@require_http_methods(["GET", "POST"])
def assignment_rubric(request, assignment_id: int):
    assignment = _settable_or_404(request, assignment_id)
    form = RubricForm(request.POST or None, initial={"text": rubric_text(assignment.rubric)})
    if request.method == "POST" and form.is_valid():
        services.assignment_rubric_set(actor=request.user, assignment=assignment,
                                       rubric=form.cleaned_data["text"])
        messages.success(request, _("Đã lưu tiêu chí chấm.") if assignment.rubric
                         else _("Đã bỏ tiêu chí chấm: giáo viên nhập điểm."))
        return redirect("classroom:assignment", assignment_id=assignment.pk)
    return render(request, "classroom/rubric_form.html", {
        "assignment": assignment, "form": form,
        "most": rubric_max(assignment.rubric) if assignment.rubric else None},
        status=400 if form.errors else 200)


@requires(Capability.MARK_SUBMISSIONS)
@require_http_methods(["GET", "POST"])
def mark_paper(request, assignment_id: int, learner_id: int):
    """Score a learner it is set for who handed nothing in; once they have a hand-in (theirs
    or this one), its own page marks it."""
    assignment = assignment_or_404(request.user, assignment_id)
    if not can_mark(request.user, assignment):
        raise Http404
    learner = next((m for m in selectors.set_for(assignment) if m.pk == learner_id), None)
    if learner is None:
        raise Http404
    existing = Submission.objects.filter(assignment=assignment, learner=learner).first()
    if existing is not None:
        return redirect("classroom:submission", submission_id=existing.pk)
    form = MarkForm(request.POST or None, rubric=assignment.rubric)
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_mark_paper(
                actor=request.user, assignment=assignment, learner=learner,
                score=form.cleaned_data["score"], comment=form.cleaned_data["comment"],
                rubric_levels=form.cleaned_data.get("rubric_levels"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã chấm và trả bài cho %(name)s.")
                             % {"name": learner.get_full_name()})
            return redirect("classroom:assignment", assignment_id=assignment.pk)
    return render(request, "classroom/mark_paper.html", {
        "assignment": assignment, "learner": learner, "form": form},
        status=400 if form.errors else 200)


@requires(Capability.SET_ASSIGNMENTS)
@require_http_methods(["GET", "POST"])
def assignment_extensions(request, assignment_id: int):
    assignment = _settable_or_404(request, assignment_id)
    learners = selectors.set_for(assignment)
    form = ExtensionForm(request.POST or None, learners=learners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assignment_extend(actor=request.user, assignment=assignment,
                                       learner=data["learner"], due_at=data["due_at"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu hạn nộp của %(name)s.")
                             % {"name": data["learner"].get_full_name()})
            return redirect("classroom:assignment_extensions", assignment_id=assignment.pk)
    extended = [(learner, timezone.localtime(assignment.due_for(learner.pk), VIETNAM))
                for learner in learners if str(learner.pk) in (assignment.extensions or {})]
    return render(request, "classroom/extensions.html", {
        "assignment": assignment, "form": form, "extended": extended},
        status=400 if form.errors else 200)
