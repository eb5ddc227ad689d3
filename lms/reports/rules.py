"""Pure rules shared by the incremental path and the rebuild: who a target counts, what counts
as trained, and the split keys. No queries here."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from lms.accounts.ethnicity import is_minority

from .models import HouseholdFilter, Target


@dataclass(frozen=True)
class LearnerFacts:
    """What a target needs to know about a learner and the class they count in now."""

    learner_id: int
    class_id: int
    class_path: str
    class_grade: int | None
    school_level: str
    sex: str
    ethnicity: str
    household: str
    grade: int | None
    graduation_year: int | None
    date_of_birth: datetime.date | None

    @property
    def split_key(self) -> tuple[str, bool | None, str, str, str]:
        """(sex, minority, ethnic group, household, school level): the counters' split
        columns (SPLIT_FIELDS order). Values are stored as recorded; "" is "not recorded", and
        `minority` is None when the ethnic group is not recorded (neither Kinh nor minority)."""
        return (self.sex or "", minority_of(self.ethnicity),
                self.ethnicity or "", self.household or "", self.school_level or "")


def minority_of(ethnicity: str) -> bool | None:
    """Kinh → False, another recorded group → True, not recorded → None."""
    return is_minority(ethnicity) if ethnicity else None


def counts_in(target: Target, target_path: str, facts: LearnerFacts) -> bool:
    """Is this learner in the target's population?"""
    if not facts.class_path.startswith(target_path):
        return False
    if target.school_levels and facts.school_level not in target.school_levels:
        return False
    grade = facts.class_grade or facts.grade
    if target.grades and grade not in target.grades:
        return False
    if target.graduation_year and facts.graduation_year != target.graduation_year:
        return False
    if target.household == HouseholdFilter.POOR and facts.household != "poor":
        return False
    if (target.household == HouseholdFilter.POOR_OR_NEAR_POOR
            and facts.household not in ("poor", "near_poor")):
        return False
    if target.age_min is not None or target.age_max is not None:
        if facts.date_of_birth is None:
            return False
        age = _age_on(facts.date_of_birth, target.period_end)
        if target.age_min is not None and age < target.age_min:
            return False
        if target.age_max is not None and age > target.age_max:
            return False
    return True


def _age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def period_bounds(target: Target) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) as aware datetimes: the whole of period_start to the end of period_end."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(target.period_start, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(target.period_end + datetime.timedelta(days=1),
                                    datetime.time.min, tzinfo=tz)
    return start, end


def trained_at(target: Target, event_times: list[datetime.datetime]):
    """When the learner became trained: the min_courses-th qualifying event, or None."""
    start, end = period_bounds(target)
    inside = sorted(t for t in event_times if start <= t < end)
    need = max(1, target.min_courses)
    return inside[need - 1] if len(inside) >= need else None
