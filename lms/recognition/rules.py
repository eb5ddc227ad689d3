"""The recognition rules as plain functions, so the edge cases are testable on their own.

- A completion counts in the calendar year (Asia/Ho_Chi_Minh) in which it happened: a course
  started in December and completed in January counts in January's year.
- Hours are the course's `estimated_hours`, summed over courses completed in the year.
- A household member counts where they were at the year's end (31 December): `left_on` is the
  first day they were no longer a member, so leaving on 1 January still counts for the year.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from .models import Combine


@dataclass(frozen=True)
class RuleValues:
    min_completions: int = 2
    min_hours: int = 8
    combine: str = Combine.ANY
    family_min_percent: int = 70
    family_min_members: int = 2
    community_min_percent: int = 50
    unit_min_percent: int = 50


DEFAULT = RuleValues()
RULE_FIELDS = tuple(RuleValues.__dataclass_fields__)


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """[1 Jan 00:00, next 1 Jan 00:00) in the project's time zone (Vietnam, UTC+7)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    return (datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz))


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def member_at_year_end(joined_on: datetime.date, left_on: datetime.date | None,
                       year: int) -> bool:
    end = year_end(year)
    return joined_on <= end and (left_on is None or left_on > end)


def citizen_meets(rule: RuleValues, completions: int, hours: int) -> bool:
    by_courses = completions >= rule.min_completions
    by_hours = hours >= rule.min_hours
    return (by_courses and by_hours) if rule.combine == Combine.ALL else (by_courses or by_hours)


def family_meets(rule: RuleValues, citizens: int, members: int) -> bool:
    """At least `family_min_members` (never fewer than 2) citizens and the share reached."""
    if members == 0 or citizens < max(2, rule.family_min_members):
        return False
    return citizens * 100 >= rule.family_min_percent * members


def share_meets(min_percent: int, part: int, total: int) -> bool:
    return total > 0 and part > 0 and part * 100 >= min_percent * total


def percent(part: int, total: int) -> int:
    return round(part * 100 / total) if total else 0


def values_of(rule) -> RuleValues:
    return RuleValues(**{f: getattr(rule, f) for f in RULE_FIELDS})


class RuleBook:
    """The rules of one year, resolved per unit path: the nearest ancestor's rule wins."""

    def __init__(self, year: int):
        from .models import RecognitionRule

        self.year = year
        self._by_path = {r.unit.path: values_of(r) for r in
                         RecognitionRule.objects.filter(year=year).select_related("unit")}
        self._memo: dict[str, RuleValues] = {}

    def for_path(self, path: str) -> RuleValues:
        if path not in self._memo:
            best = max((p for p in self._by_path if path.startswith(p)), key=len, default=None)
            self._memo[path] = self._by_path[best] if best is not None else DEFAULT
        return self._memo[path]
