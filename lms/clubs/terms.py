"""School-year terms for club reports.

A school year "2025-2026" starts on 1 September. Học kỳ I (HK1) runs 1 September – 31 January,
học kỳ II (HK2) 1 February – 31 May; June–August is the summer break, counted only in the
whole-year period ("cả năm", 1 September – 31 August). Codes: "2025-2026-1", "2025-2026-2",
"2025-2026" (whole year)."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

_CODE = re.compile(r"^(\d{4})-(\d{4})(?:-([12]))?$")


@dataclass(frozen=True)
class Term:
    start_year: int
    number: int  # 1, 2, or 0 for the whole year

    @property
    def code(self) -> str:
        year = f"{self.start_year}-{self.start_year + 1}"
        return f"{year}-{self.number}" if self.number else year

    @property
    def start(self) -> datetime.date:
        if self.number == 2:
            return datetime.date(self.start_year + 1, 2, 1)
        return datetime.date(self.start_year, 9, 1)

    @property
    def end(self) -> datetime.date:
        if self.number == 1:
            return datetime.date(self.start_year + 1, 1, 31)
        if self.number == 2:
            return datetime.date(self.start_year + 1, 5, 31)
        return datetime.date(self.start_year + 1, 8, 31)

    @property
    def label(self) -> str:
        year = f"{self.start_year}–{self.start_year + 1}"
        if self.number == 1:
            return _("Học kỳ I năm học %(year)s") % {"year": year}
        if self.number == 2:
            return _("Học kỳ II năm học %(year)s") % {"year": year}
        return _("Cả năm học %(year)s") % {"year": year}

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def school_year_start(day: datetime.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def term_for(day: datetime.date) -> Term:
    """The term `day` falls in; in the summer break, the HK2 just ended (the one to report)."""
    year = school_year_start(day)
    return Term(year, 1 if day.month >= 9 or day.month == 1 else 2)


def current_term() -> Term:
    return term_for(timezone.localdate())


def term_parse(code: str | None) -> Term | None:
    match = _CODE.match((code or "").strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        return None
    return Term(int(match[1]), int(match[3] or 0))


def term_choices(years: int = 3) -> list[Term]:
    """This school year's and the previous years' terms, newest first."""
    latest = school_year_start(timezone.localdate())
    found = []
    for year in range(latest, latest - years, -1):
        found += [Term(year, 2), Term(year, 1), Term(year, 0)]
    return [t for t in found if t.start <= timezone.localdate()]
