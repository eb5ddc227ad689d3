"""club_report(unit, term): per-school club figures for a term, rolled up per subtree.

Counted for the term: clubs live at some point in it (founded on or before its end, not closed
before its start); memberships live in it (joined on or before its end, not left before its
start); distinct learners among them; activities dated in it; attendance rate = members marked
present ÷ members the club had on each activity's day. Five queries whatever the subtree size."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from django.db.models import Count, Q

from lms.units.models import Unit

from .models import Activity, Club, Membership, MembershipStatus
from .terms import Term


@dataclass
class ClubFigures:
    unit: Unit
    clubs: int = 0
    members: int = 0
    activities: int = 0
    present: int = 0
    expected: int = 0
    learner_ids: set = field(default_factory=set)

    @property
    def learners(self) -> int:
        return len(self.learner_ids)

    @property
    def attendance_rate(self) -> float | None:
        if not self.expected:
            return None
        return round(100 * self.present / self.expected, 1)

    def add(self, other: "ClubFigures") -> None:
        self.clubs += other.clubs
        self.members += other.members
        self.activities += other.activities
        self.present += other.present
        self.expected += other.expected
        self.learner_ids |= other.learner_ids


@dataclass
class ClubReport:
    unit: Unit
    term: Term
    total: ClubFigures
    rows: list  # one per school in the subtree (and per office that runs a club itself)
    children: list  # the direct children of `unit`, each with its subtree rolled up


def _live_clubs(unit: Unit, term: Term):
    return (Club.objects.filter(unit__path__startswith=unit.path, founded_on__lte=term.end)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=term.start)))


def club_report(unit: Unit, term: Term) -> ClubReport:
    clubs = list(_live_clubs(unit, term).values_list("pk", "unit_id"))
    club_unit = dict(clubs)
    members = list(
        Membership.objects.filter(club_id__in=club_unit, joined_on__isnull=False,
                                  joined_on__lte=term.end,
                                  status__in=[MembershipStatus.ACTIVE, MembershipStatus.LEFT])
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=term.start))
        .values_list("club_id", "user_id", "joined_on", "left_on"))
    activities = list(
        Activity.objects.filter(club_id__in=club_unit, date__gte=term.start, date__lte=term.end)
        .annotate(present=Count("attendance")).values_list("club_id", "date", "present"))

    schools = Unit.objects.filter(path__startswith=unit.path, kind__is_school=True).active()
    owner_ids = set(club_unit.values())
    units = {u.pk: u for u in Unit.objects.filter(Q(pk__in=owner_ids) | Q(pk__in=schools))
             .select_related("kind")}
    figures = {pk: ClubFigures(unit=u) for pk, u in units.items()}

    by_club: defaultdict[int, list[tuple[datetime.date, datetime.date | None]]] = defaultdict(list)
    for club_id, user_id, joined, left in members:
        by_club[club_id].append((cast(datetime.date, joined), left))  # joined_on is not null
        row = figures[club_unit[club_id]]
        row.members += 1
        row.learner_ids.add(user_id)
    for _club_id, unit_id in clubs:
        figures[unit_id].clubs += 1
    for club_id, day, present in activities:
        row = figures[club_unit[club_id]]
        row.activities += 1
        row.present += present
        row.expected += sum(1 for joined, left in by_club[club_id]
                            if joined <= day and (left is None or left >= day))

    rows = sorted(figures.values(), key=lambda f: (f.unit.path[:len(unit.path) + unit.steplen],
                                                   f.unit.name))
    total = ClubFigures(unit=unit)
    for row in rows:
        total.add(row)
    children = []
    for child in unit.get_children().select_related("kind"):
        inside = [row for row in rows if row.unit.path.startswith(child.path)]
        if inside:
            rolled = ClubFigures(unit=child)
            for row in inside:
                rolled.add(row)
            children.append(rolled)
    return ClubReport(unit=unit, term=term, total=total, rows=rows, children=children)
