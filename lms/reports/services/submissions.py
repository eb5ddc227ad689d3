"""Period reports submitted up the chain: frozen figures, reviewed by the parent unit."""

import datetime
from typing import Any
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.notifications.events import report_returned_notify
from lms.units.capabilities import Capability, kinds_with
from lms.units.models import Role, Unit

from ..models import ReportSubmission, SubmissionStatus
from ..permissions import can_edit_targets, can_review_submission
from ..selectors import targets_for_unit, unit_attainments


class SubmissionError(ValueError):
    pass


def period_figures(unit: Unit, period_label: str) -> tuple[list[dict], datetime.date | None]:
    targets = [t for t in targets_for_unit(unit) if t.period_label == period_label]
    figures = [{"code": a.target.code, "name": a.target.name, "population": a.population,
                "trained": a.trained, "percent": a.percent, "required": a.required,
                "gap": a.gap, "status": a.status} for a in unit_attainments(unit, targets)]
    deadlines = [t.deadline for t in targets if t.deadline]
    return figures, (min(deadlines) if deadlines else None)


@transaction.atomic
def submission_create(*, actor, unit: Unit, period_label: str) -> ReportSubmission:
    """Freeze the unit's figures for the period. Resubmitting is allowed only after a return."""
    if not can_edit_targets(actor, unit):
        raise PermissionError(_("Bạn không có quyền nộp báo cáo của đơn vị này."))
    figures, deadline = period_figures(unit, period_label)
    if not figures:
        raise SubmissionError(_("Không có chỉ tiêu nào trong kỳ này."))
    existing = ReportSubmission.objects.select_for_update().filter(
        unit=unit, period_label=period_label).first()
    if existing and existing.status != SubmissionStatus.RETURNED:
        raise SubmissionError(_("Báo cáo kỳ này đã được nộp."))
    submission = existing or ReportSubmission(unit=unit, period_label=period_label)
    submission.figures = figures
    submission.deadline = deadline
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_by = actor
    submission.submitted_at = timezone.now()
    submission.save()
    return submission


def _review(actor, submission: ReportSubmission, status: str, comment: str = ""):
    if not can_review_submission(actor, submission.unit):
        raise PermissionError(_("Bạn không có quyền duyệt báo cáo này."))
    updated = ReportSubmission.objects.filter(
        pk=submission.pk, status=SubmissionStatus.SUBMITTED).update(
        status=status, reviewed_by=actor, reviewed_at=timezone.now(), comment=comment)
    if updated != 1:
        raise SubmissionError(_("Chỉ duyệt hoặc trả lại được báo cáo đang chờ duyệt."))
    submission.refresh_from_db()
    return submission


def submission_approve(*, actor, submission: ReportSubmission) -> ReportSubmission:
    return _review(actor, submission, SubmissionStatus.APPROVED)


def submission_return(*, actor, submission: ReportSubmission, comment: str) -> ReportSubmission:
    """Return the report with a comment; after commit, the unit hears why (report_returned)."""
    submission = _review(actor, submission, SubmissionStatus.RETURNED, comment)
    transaction.on_commit(lambda: _returned_notify(submission))
    return submission


def _returned_notify(submission: ReportSubmission) -> int:
    """Tell the unit its report came back, with the reviewer's comment: whoever submitted it and
    those who may resubmit for the unit (a MANAGE_REPORTS role at the unit itself; the
    reviewers above it hold that capability too, but it is not their report)."""
    unit = submission.unit
    recipients: dict[int, Any] = {role.user_id: role.user for role in Role.objects.filter(
        unit=unit, kind__in=kinds_with(Capability.MANAGE_REPORTS), ended_at__isnull=True,
        user__is_active=True).select_related("user")}
    if submission.submitted_by is not None and submission.submitted_by.is_active:
        recipients.setdefault(submission.submitted_by.pk, submission.submitted_by)
    url = (reverse("reports:submissions", args=[unit.pk])
           + "?" + urlencode({"ky": submission.period_label}))
    report = f"{unit.name} · {submission.period_label}"
    # one notice per return: a report returned again after resubmission is told again
    key = f"report_returned:{submission.pk}:{submission.reviewed_at:%Y%m%d%H%M%S%f}"
    return sum(1 for user in recipients.values()
               if report_returned_notify(user, report=report, reason=submission.comment,
                                         url=url, key=key) is not None)


def children_submissions(unit: Unit, period_label: str) -> dict:
    """Each child unit with its submission (or none), and the reporting rates."""
    children = list(Unit.objects.active().filter(path__startswith=unit.path,  # not merged ones
                                                 depth=unit.depth + 1, kind__is_class=False)
                    .order_by("name"))
    subs = {s.unit_id: s for s in ReportSubmission.objects.filter(
        unit__in=children, period_label=period_label)}
    rows = [(child, subs.get(child.pk)) for child in children]
    submitted = [s for _, s in rows if s is not None]
    on_time = [s for s in submitted if s.on_time]
    total = len(children) or 1
    return {"rows": rows, "submitted": len(submitted), "on_time": len(on_time),
            "late": len(submitted) - len(on_time), "missing": len(children) - len(submitted),
            "rate": round(100 * len(submitted) / total, 1),
            "on_time_rate": round(100 * len(on_time) / total, 1)}
