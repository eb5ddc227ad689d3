"""Results: computing a round unit's ranking, publishing it once, promoting the top entries to
the nearest ancestor unit holding a later round, and certificates for promoted and prize-winning
teams (through courses.certificates.award_issue, idempotent per learner and award key)."""

from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .. import permissions
from ..models import EntryRound, Normalisation, RoundUnit, ScoreSheet
from ..scoring import Crit, Result, rank_entries
from .entries import placement, round_unit_get
from .judging import judging_progress

PRIZES = {1: gettext_noop("Giải Nhất"), 2: gettext_noop("Giải Nhì"), 3: gettext_noop("Giải Ba")}
HONOURABLE = gettext_noop("Giải Khuyến khích")


def prize_label(rank: int) -> str:
    """Stored in Vietnamese (the certificate's language); pages translate it on display."""
    return PRIZES.get(rank, HONOURABLE)


def results_compute(round_unit: RoundUnit) -> list[tuple[EntryRound, Result]]:
    """[(entry_round, scoring.Result)] in rank order, from submitted sheets only."""
    round_ = round_unit.round
    criteria = [Crit(c.pk, float(c.weight), c.min_score, c.max_score)
                for c in round_.criteria.all()]
    entry_rounds = {er.pk: er for er in round_unit.entry_rounds.select_related(
        "entry", "entry__school")}
    sheets: dict = {}
    for sheet in (ScoreSheet.objects.filter(entry_round__round_unit=round_unit,
                                            submitted_at__isnull=False)
                  .prefetch_related("scores")):
        sheets.setdefault(sheet.entry_round_id, {})[sheet.judge_id] = {
            s.criterion_id: s.value for s in sheet.scores.all()}
    submitted = {pk: er.entry.submitted_at for pk, er in entry_rounds.items()}
    ranked = rank_entries(criteria, sheets, submitted,
                          zscore=round_.normalisation == Normalisation.ZSCORE)
    return [(entry_rounds[r.entry_round_id], r) for r in ranked]


def _award(entry_round: EntryRound, label: str, key_suffix: str) -> None:
    from courses.certificates.services import award_issue

    round_ = entry_round.round
    contest = round_.contest
    with translation.override("vi"):  # certificates are Vietnamese documents
        citation = (_("với ý tưởng “%(title)s”, %(round)s — %(unit)s")
                    % {"title": entry_round.entry.title, "round": round_.name,
                       "unit": entry_round.round_unit.unit.name})
    for member in entry_round.entry.members.select_related("user"):
        award_issue(
            user=member.user,
            award_key=f"contest:{contest.pk}:round:{round_.pk}:{key_suffix}",
            title=f"{label} — {contest.title} {contest.year}",
            citation=citation,
            issuing_unit=entry_round.round_unit.unit, render=False)


def round_unit_publish(*, actor, round_unit: RoundUnit, force: bool = False) -> bool:
    """Publish once: store scores and ranks, promote the top `promote_count` entries (or award
    prizes in the final round). Returns False if it was already published (nothing changes)."""
    if not permissions.can_organise(actor, round_unit):
        raise PermissionError
    with transaction.atomic():
        locked = RoundUnit.objects.select_for_update().select_related(
            "round__contest", "unit").get(pk=round_unit.pk)
        if locked.published_at is not None:
            return False
        round_ = locked.round
        if timezone.now() <= round_.submission_deadline:
            raise ValidationError(_("Chưa hết hạn nộp bài: chưa thể công bố kết quả."))
        if not force and not judging_progress(locked)["complete"]:
            raise ValidationError(_("Việc chấm chưa xong. Đánh dấu “Công bố dù chưa chấm xong” "
                                    "nếu vẫn muốn công bố."))
        final = round_.is_final()
        results = results_compute(locked)
        for entry_round, result in results:
            entry_round.raw_mean = result.raw_mean
            entry_round.final_score = result.final_score
            entry_round.rank = result.rank
            winner = result.rank is not None and result.rank <= round_.promote_count
            if winner and final:
                entry_round.prize = prize_label(cast(int, result.rank))  # a winner has a rank
            entry_round.promoted = winner and not final
            entry_round.save(update_fields=["raw_mean", "final_score", "rank", "promoted",
                                            "prize"])
            if winner:
                _promote_or_award(entry_round, final=final)
        locked.published_at = timezone.now()
        locked.published_by = actor
        locked.save(update_fields=["published_at", "published_by"])
        from ..tasks import results_notify_task  # Celery off the web worker's startup

        transaction.on_commit(lambda: results_notify_task.delay(locked.pk))
    return True


def _promote_or_award(entry_round: EntryRound, *, final: bool) -> None:
    round_ = entry_round.round
    if final:
        _award(entry_round, entry_round.prize, "prize")
        return
    place = placement(round_.contest, entry_round.round_unit.unit, after_order=round_.order)
    if place is not None:
        next_round, unit = place
        EntryRound.objects.get_or_create(entry=entry_round.entry, round=next_round, defaults={
            "round_unit": round_unit_get(next_round, unit)})
    with translation.override("vi"):
        label = _("Vượt qua %(round)s") % {"round": round_.name}
    _award(entry_round, label, "promoted")
