"""Judges' pages: only round units they are assigned to, only entries without a conflict of
interest, only their own score sheets (blind to other judges). Anything else is 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.units.access import requires
from lms.units.capabilities import Capability

from . import permissions
from .forms import ScoreForm
from .models import EntryRound, RoundUnit
from .services import judging


def _assigned_round_unit(request, round_unit_id: int) -> RoundUnit:
    round_unit = get_object_or_404(
        RoundUnit.objects.select_related("round__contest", "unit__kind"), pk=round_unit_id)
    if not permissions.is_judge(request.user, round_unit):
        raise Http404
    return round_unit


@requires(Capability.JUDGE_ENTRIES)
def judge_round(request, round_unit_id: int):
    round_unit = _assigned_round_unit(request, round_unit_id)
    rows = []
    for entry_round in judging.eligible_entry_rounds(request.user, round_unit):
        sheet = judging.sheet_for(request.user, entry_round)
        rows.append({"entry_round": entry_round, "sheet": sheet})
    return render(request, "contests/judge_round.html", {
        "round_unit": round_unit, "rows": rows, "state": judging.judging_state(round_unit),
        "window": round_unit.round})


@requires(Capability.JUDGE_ENTRIES)
def judge_entry(request, entry_round_id: int):
    entry_round = get_object_or_404(
        EntryRound.objects.select_related("round_unit__round__contest", "round_unit__unit__kind",
                                          "entry__school", "round"), pk=entry_round_id)
    round_unit = entry_round.round_unit
    if not permissions.may_score(request.user, entry_round):
        raise Http404
    criteria = list(entry_round.round.criteria.all())
    sheet = judging.sheet_for(request.user, entry_round)
    state = judging.judging_state(round_unit)
    form = ScoreForm(request.POST or None, criteria=criteria, sheet=sheet,
                     read_only=state != "open")
    status = 200
    if request.method == "POST" and state != "open":
        status = 409  # nothing is saved; the page says why and when judging is open
    elif request.method == "POST":
        if form.is_valid():
            try:
                judging.score_save(judge=request.user, entry_round=entry_round,
                                   values=form.values(), comment=form.cleaned_data["comment"],
                                   submit=request.POST.get("action") == "submit")
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            except judging.JudgingClosed as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã lưu phiếu chấm."))
                return redirect("contests:judge_round", round_unit_id=round_unit.pk)
        status = 400
    return render(request, "contests/judge_entry.html", {
        "entry_round": entry_round, "entry": entry_round.entry, "round_unit": round_unit,
        "form": form, "sheet": sheet, "open": state == "open", "state": state,
        "window": round_unit.round}, status=status)
