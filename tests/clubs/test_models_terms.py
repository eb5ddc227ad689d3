import datetime

import pytest

from lms.clubs.terms import Term, term_for, term_parse


@pytest.mark.parametrize("day,code", [
    (datetime.date(2025, 9, 1), "2025-2026-1"), (datetime.date(2026, 1, 31), "2025-2026-1"),
    (datetime.date(2026, 2, 1), "2025-2026-2"), (datetime.date(2026, 5, 31), "2025-2026-2"),
    (datetime.date(2026, 7, 15), "2025-2026-2"),  # summer: the HK2 just ended
    (datetime.date(2026, 9, 2), "2026-2027-1")])
def test_term_for(day, code):
    assert term_for(day).code == code


def test_term_bounds_and_parse():
    hk1, hk2, year = Term(2025, 1), Term(2025, 2), Term(2025, 0)
    assert (hk1.start, hk1.end) == (datetime.date(2025, 9, 1), datetime.date(2026, 1, 31))
    assert (hk2.start, hk2.end) == (datetime.date(2026, 2, 1), datetime.date(2026, 5, 31))
    assert (year.start, year.end) == (datetime.date(2025, 9, 1), datetime.date(2026, 8, 31))
    assert datetime.date(2026, 6, 10) in year and datetime.date(2026, 6, 10) not in hk2
    assert term_parse("2025-2026-2") == hk2 and term_parse("2025-2026") == year
    for bad in ("2025-2027-1", "2025-2026-3", "x", "", None):
        assert term_parse(bad) is None
