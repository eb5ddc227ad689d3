"""The moderation queue of the teachers over the learners' classes (and school heads):
reported posts with their reports (hide, or dismiss the reports) and the posts hidden lately
(restore). Only the classes the viewer moderates; a report of another class answers 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability

from . import selectors, services
from .models import Report
from .permissions import can_moderate


@requires(Capability.MODERATE_QUESTIONS)
@require_http_methods(["GET"])
def queue(request):
    questions, answers = selectors.hidden_posts(request.user)
    return render(request, "discussions/moderation.html", {
        "posts": selectors.open_reports(request.user), "hidden_questions": questions,
        "hidden_answers": answers})


@require_POST
@requires(Capability.MODERATE_QUESTIONS)
def dismiss(request, report_id: int):
    """Closes every open report of the reported post as dismissed (the post stays)."""
    report = get_object_or_404(Report.objects.select_related("question__unit", "answer"),
                               pk=report_id)
    if not can_moderate(request.user, report.question.unit):
        raise Http404
    services.reports_dismiss(actor=request.user, question=report.question, answer=report.answer)
    messages.success(request, _("Đã bỏ qua báo cáo; bài vẫn hiển thị."))
    return redirect("discussions:moderation")
