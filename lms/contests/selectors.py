"""Reads for the contest pages. Every list is scoped to what the viewer may see."""

from django.db.models import Count, Prefetch, Q

from lms.units.permissions import units_visible_to

from .models import Contest, Entry, EntryRound, JudgeAssignment, RoundUnit
from .permissions import ORGANISER


def contests_public():
    return Contest.objects.filter(is_published=True).select_related("organiser_unit")


def contest_rounds(contest: Contest):
    return contest.rounds.select_related("level").prefetch_related("criteria").order_by("order")


def my_entries(user, contest: Contest | None = None):
    if not user.is_authenticated:
        return Entry.objects.none()
    entries = Entry.objects.filter(Q(members__user=user) | Q(mentor=user)).distinct()
    if contest is not None:
        entries = entries.filter(contest=contest)
    return entries.select_related("contest", "school").order_by("-updated_at")


def my_assignments(user):
    if not user.is_authenticated:
        return JudgeAssignment.objects.none()
    return (JudgeAssignment.objects.filter(judge=user)
            .select_related("round_unit__round__contest", "round_unit__unit")
            .order_by("-round_unit__round__contest__year", "round_unit__round__order"))


def organised_round_units(user):
    if not user.is_authenticated:
        return RoundUnit.objects.none()
    units = units_visible_to(user, ORGANISER)
    return (RoundUnit.objects.filter(unit__in=units)
            .select_related("round__contest", "unit")
            .annotate(entry_count=Count("entry_rounds"))
            .order_by("-round__contest__year", "round__order", "unit__name"))


def entry_history(entry: Entry):
    return (entry.rounds.select_related("round", "round_unit__unit")
            .order_by("round__order"))


def round_unit_entries(round_unit: RoundUnit):
    return (round_unit.entry_rounds.select_related("entry__school", "entry__mentor")
            .prefetch_related("entry__members__user")
            .order_by("rank", "entry__title"))


def public_results(contest: Contest) -> list[dict]:
    """Published round units, top round first; entries with a rank, best first. Learners'
    names are not shown publicly (minors): titles, schools, ranks and prizes only."""
    round_units = (RoundUnit.objects.filter(round__contest=contest, published_at__isnull=False)
                   .select_related("round", "unit").order_by("-round__order", "unit__name")
                   .prefetch_related(Prefetch(
                       "entry_rounds", to_attr="ranked",
                       queryset=EntryRound.objects.filter(rank__isnull=False)
                       .select_related("entry__school").order_by("rank"))))
    return [{"round_unit": round_unit, "rows": round_unit.ranked} for round_unit in round_units]
