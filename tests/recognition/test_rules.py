import datetime

from lms.recognition import rules
from lms.recognition.models import Combine
from lms.recognition.rules import RuleValues


def test_year_bounds_are_vietnam_midnights():
    start, end = rules.year_bounds(2025)
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert (start.isoformat(), end.isoformat()) == ("2025-01-01T00:00:00+07:00",
                                                    "2026-01-01T00:00:00+07:00")
    # 31 Dec 2025 23:59 in Hà Nội is 16:59 UTC, inside; 1 Jan 2026 00:00 local is outside.
    utc = datetime.UTC
    assert start <= datetime.datetime(2025, 12, 31, 16, 59, tzinfo=utc) < end
    assert not datetime.datetime(2025, 12, 31, 17, 0, tzinfo=utc) < end


def test_member_at_year_end():
    d = datetime.date
    assert rules.member_at_year_end(d(2020, 1, 1), None, 2025)
    assert rules.member_at_year_end(d(2025, 12, 31), None, 2025)  # joined on the last day
    assert not rules.member_at_year_end(d(2026, 1, 1), None, 2025)  # joined after the year
    assert not rules.member_at_year_end(d(2020, 1, 1), d(2025, 6, 1), 2025)  # left mid-year
    assert not rules.member_at_year_end(d(2020, 1, 1), d(2025, 12, 31), 2025)  # left on 31/12
    assert rules.member_at_year_end(d(2020, 1, 1), d(2026, 1, 1), 2025)  # left after year end


def test_citizen_any_or_all():
    any_rule = RuleValues(min_completions=2, min_hours=8, combine=Combine.ANY)
    all_rule = RuleValues(min_completions=2, min_hours=8, combine=Combine.ALL)
    assert rules.citizen_meets(any_rule, 2, 0)
    assert rules.citizen_meets(any_rule, 1, 8)
    assert not rules.citizen_meets(any_rule, 1, 7)
    assert not rules.citizen_meets(all_rule, 2, 7)
    assert rules.citizen_meets(all_rule, 2, 8)


def test_family_needs_two_citizens_and_the_share():
    rule = RuleValues(family_min_percent=70, family_min_members=2)
    assert not rules.family_meets(rule, 1, 1)  # 100 % but a single citizen
    assert rules.family_meets(rule, 2, 2)
    assert not rules.family_meets(rule, 2, 3)  # 67 % < 70 %
    assert rules.family_meets(rule, 3, 4)  # 75 %
    assert not rules.family_meets(RuleValues(family_min_members=1), 1, 1)  # never fewer than 2
    assert not rules.family_meets(rule, 0, 0)


def test_share_meets():
    assert not rules.share_meets(50, 0, 0)
    assert not rules.share_meets(0, 0, 5)  # nobody recognised is never a learning community
    assert rules.share_meets(50, 1, 2)
    assert not rules.share_meets(50, 1, 3)
