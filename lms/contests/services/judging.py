"""Judges: assignment per round unit, the entries each judge may score (conflicts of interest
excluded automatically), blind score sheets and judging progress for organisers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.units.capabilities import Capability
from lms.units.permissions import has_capability

from .. import permissions
from ..models import EntryRound, JudgeAssignment, RoundUnit, Score, ScoreSheet


class JudgingClosed(Exception):
    pass


def judge_assign(*, actor, round_unit: RoundUnit, username: str) -> JudgeAssignment:
    if not permissions.can_organise(actor, round_unit):
        raise PermissionError
    judge = User.objects.filter(username=username.strip(), is_active=True).first()
    if judge is None or not has_capability(judge, Capability.JUDGE_ENTRIES):
        raise ValidationError(
            _("Không tìm thấy giám khảo, giáo viên hoặc cán bộ có tên đăng nhập này."))
    if round_unit.published_at is not None:
        raise ValidationError(_("Kết quả đã công bố: không thể thay đổi giám khảo."))
    assignment, _created = JudgeAssignment.objects.get_or_create(
        round_unit=round_unit, judge=judge, defaults={"assigned_by": actor})
    return assignment


def judge_unassign(*, actor, assignment: JudgeAssignment) -> None:
    if not permissions.can_organise(actor, assignment.round_unit):
        raise PermissionError
    if assignment.round_unit.published_at is not None:
        raise ValidationError(_("Kết quả đã công bố: không thể thay đổi giám khảo."))
    with transaction.atomic():
        ScoreSheet.objects.filter(entry_round__round_unit=assignment.round_unit,
                                  judge=assignment.judge).delete()
        assignment.delete()


def eligible_entry_rounds(judge, round_unit: RoundUnit) -> list[EntryRound]:
    """The entries this judge scores here: all of the round unit's, minus conflicts."""
    school_ids = permissions.judge_school_ids(judge)
    rows = (round_unit.entry_rounds.select_related("entry", "entry__school")
            .prefetch_related("entry__members").order_by("entry__title"))
    return [entry_round for entry_round in rows
            if not permissions.conflicted(judge, entry_round.entry, round_unit, school_ids)]


def judging_open(round_unit: RoundUnit, now=None) -> bool:
    return judging_state(round_unit, now) == "open"


def judging_state(round_unit: RoundUnit, now=None) -> str:
    """Where the round unit's judging window stands: "before" (entries may still be sent),
    "open", "after" (past the judging deadline) or "published" (results out). Pages show the
    score sheet read-only with the reason and the window's dates unless "open" (issue 19)."""
    now = now or timezone.now()
    round_ = round_unit.round
    if round_unit.published_at is not None:
        return "published"
    if now <= round_.submission_deadline:
        return "before"
    if now > round_.judging_deadline:
        return "after"
    return "open"


def sheet_for(judge, entry_round: EntryRound) -> ScoreSheet | None:
    """Only the judge's own sheet: other judges' scores are never read here (blind scoring)."""
    return (ScoreSheet.objects.filter(entry_round=entry_round, judge=judge)
            .prefetch_related("scores").first())


def score_save(*, judge, entry_round: EntryRound, values: dict[int, int], comment: str = "",
               submit: bool = False) -> ScoreSheet:
    """Save (and optionally submit) the judge's sheet. Only submitted sheets count."""
    round_unit = entry_round.round_unit
    if not permissions.may_score(judge, entry_round):
        raise PermissionError
    criteria = list(entry_round.round.criteria.all())
    errors = {}
    for criterion in criteria:
        value = values.get(criterion.pk)
        if value is None and submit:
            errors[f"c{criterion.pk}"] = _("Cần chấm tiêu chí này.")
        elif value is not None and not criterion.min_score <= value <= criterion.max_score:
            errors[f"c{criterion.pk}"] = (_("Điểm phải từ %(min)s đến %(max)s.")
                                          % {"min": criterion.min_score,
                                             "max": criterion.max_score})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = RoundUnit.objects.select_for_update().select_related("round").get(
            pk=round_unit.pk)
        if not judging_open(locked):
            raise JudgingClosed(_("Ngoài thời gian chấm của vòng này: không thể lưu điểm."))
        sheet, _created = ScoreSheet.objects.get_or_create(entry_round=entry_round, judge=judge)
        sheet.comment = comment.strip()
        if submit:
            sheet.submitted_at = timezone.now()
        sheet.save()
        for criterion in criteria:
            if values.get(criterion.pk) is not None:
                Score.objects.update_or_create(sheet=sheet, criterion=criterion,
                                               defaults={"value": values[criterion.pk]})
    return sheet


def judging_progress(round_unit: RoundUnit) -> dict:
    """Per judge: entries to score and sheets submitted (for organisers only)."""
    rows = []
    done_total = due_total = 0
    submitted: dict[int, int] = {}
    for judge_id, in ScoreSheet.objects.filter(
            entry_round__round_unit=round_unit, submitted_at__isnull=False).values_list("judge_id"):
        submitted[judge_id] = submitted.get(judge_id, 0) + 1
    assignments = round_unit.assignments.select_related("judge").order_by("judge__name_key",
                                                                          "judge_id")
    for assignment in assignments:
        due = len(eligible_entry_rounds(assignment.judge, round_unit))
        done = submitted.get(assignment.judge_id, 0)
        rows.append({"assignment": assignment, "judge": assignment.judge, "due": due,
                     "done": done})
        due_total += due
        done_total += done
    percent = round(100 * done_total / due_total) if due_total else 0
    return {"rows": rows, "due": due_total, "done": done_total, "percent": percent,
            "complete": due_total > 0 and done_total >= due_total}
