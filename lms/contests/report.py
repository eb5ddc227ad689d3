"""The contest report for one unit's subtree (typically a province department): entries per
school and per managing unit, per round, and the promoted / prize-winning entries."""

from django.db.models import Count, Q

from lms.units.models import Unit
from lms.units.permissions import units_visible_to

from .models import Contest, Entry, EntryRound, EntryStatus, RoundUnit
from .permissions import ORGANISER


def report_scopes(user):
    """Units the user may report on, highest first (their organiser role units)."""
    return units_visible_to(user, ORGANISER).filter(
        kind__is_school=False, kind__is_class=False).select_related("kind").order_by("depth",
                                                                                     "name")


def contest_report(contest: Contest, scope: Unit) -> dict:
    rounds = list(contest.rounds.order_by("order"))
    entries = (Entry.objects.filter(contest=contest, school__path__startswith=scope.path)
               .select_related("school"))
    reached: dict[int, set[int]] = {}  # (entry id) → set of round ids reached
    for entry_id, round_id in EntryRound.objects.filter(
            entry__in=entries).values_list("entry_id", "round_id"):
        reached.setdefault(entry_id, set()).add(round_id)
    schools: dict[int, dict] = {}
    for entry in entries:
        row = schools.setdefault(entry.school_id, {
            "school": entry.school, "drafts": 0, "submitted": 0,
            "reached": [0] * len(rounds)})
        if entry.status == EntryStatus.SUBMITTED:
            row["submitted"] += 1
        else:
            row["drafts"] += 1
        for i, round_ in enumerate(rounds):
            if round_.pk in reached.get(entry.pk, ()):
                row["reached"][i] += 1
    parents = {u.path: u for u in Unit.objects.filter(
        path__in={s["school"].path[:-s["school"].steplen] for s in schools.values()})}
    parent_rows: dict[str, dict] = {}
    for row in schools.values():
        parent = parents.get(row["school"].path[:-row["school"].steplen])
        row["parent"] = parent.name if parent else ""
        bucket = parent_rows.setdefault(row["parent"], {"name": row["parent"], "schools": 0,
                                                        "submitted": 0})
        bucket["schools"] += 1
        bucket["submitted"] += row["submitted"]
    round_units = (RoundUnit.objects.filter(round__contest=contest,
                                            unit__path__startswith=scope.path)
                   .select_related("round", "unit")
                   .annotate(entries=Count("entry_rounds"),
                             winners=Count("entry_rounds", filter=Q(entry_rounds__promoted=True)
                                           | ~Q(entry_rounds__prize="")))
                   .order_by("round__order", "unit__name"))
    winners = (EntryRound.objects.filter(round_unit__in=round_units)
               .filter(Q(promoted=True) | ~Q(prize=""))
               .select_related("round", "round_unit__unit", "entry__school")
               .order_by("-round__order", "round_unit__unit__name", "rank"))
    return {
        "contest": contest, "scope": scope, "rounds": rounds,
        "school_rows": sorted(schools.values(), key=lambda r: (r["parent"], r["school"].name)),
        "parent_rows": sorted(parent_rows.values(), key=lambda r: r["name"]),
        "round_rows": [{"round_unit": ru, "entries": ru.entries, "winners": ru.winners}
                       for ru in round_units],
        "winners": list(winners),
        "totals": {"entries": entries.count(),
                   "submitted": sum(r["submitted"] for r in schools.values())},
    }
