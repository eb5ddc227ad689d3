"""The score arithmetic: sheet totals, per-judge z-scores and the documented tie rule."""

import datetime
from statistics import pstdev

import pytest

from lms.contests.scoring import Crit, heaviest_criterion, rank_entries, sheet_total, zscores

CRITERIA = [Crit(1, 3.0, 0, 10), Crit(2, 2.0, 0, 10), Crit(3, 1.0, 1, 5)]
T0 = datetime.datetime(2025, 11, 1, 8, 0, tzinfo=datetime.UTC)


def test_sheet_total_is_weighted_mean_scaled_to_100():
    assert sheet_total(CRITERIA, {1: 10, 2: 10, 3: 5}) == pytest.approx(100)
    assert sheet_total(CRITERIA, {1: 0, 2: 0, 3: 1}) == pytest.approx(0)
    # (3·50 + 2·100 + 1·50) / 6
    assert sheet_total(CRITERIA, {1: 5, 2: 10, 3: 3}) == pytest.approx(400 / 6)


def test_heaviest_criterion_is_first_of_equal_weights():
    assert heaviest_criterion([Crit(7, 2, 0, 10), Crit(8, 2, 0, 10)]).id == 7
    assert heaviest_criterion(CRITERIA).id == 1


def test_zscores_per_judge():
    z = zscores({1: {10: 80.0, 11: 60.0, 12: 70.0}, 2: {10: 50.0}})
    sd = pstdev([80, 60, 70])
    assert z[1][10] == pytest.approx(10 / sd)
    assert z[1][11] == pytest.approx(-10 / sd)
    assert z[1][12] == pytest.approx(0)
    assert z[2][10] == 0  # one sheet: no spread to normalise by


def test_zscore_cancels_a_harsh_judge():
    """Judge 1 is lenient and scores only entry A; judge 2 is harsh and scores only B. Raw
    means favour A, z-scores (both 0 within each judge) tie, and B's earlier submission wins."""
    sheets = {100: {1: {1: 9, 2: 9, 3: 5}}, 200: {2: {1: 3, 2: 3, 3: 2}}}
    submitted = {100: T0 + datetime.timedelta(hours=1), 200: T0}
    raw = rank_entries(CRITERIA, sheets, submitted, zscore=False)
    assert [r.entry_round_id for r in raw] == [100, 200]
    z = rank_entries(CRITERIA, sheets, submitted, zscore=True)
    assert z[0].final_score == z[1].final_score == 0
    # Equal z: the higher raw mean (A) wins the first tie-break.
    assert [r.entry_round_id for r in z] == [100, 200]


def test_tie_broken_by_heaviest_criterion_then_submission_time():
    # Equal totals with different profiles.
    crit = [Crit(1, 2.0, 0, 10), Crit(2, 2.0, 0, 10), Crit(3, 1.0, 0, 10)]
    # Heaviest = criterion 1 (first of the weight-2 pair).
    sheets = {1: {9: {1: 10, 2: 0, 3: 5}}, 2: {9: {1: 0, 2: 10, 3: 5}},
              3: {9: {1: 10, 2: 0, 3: 5}}}
    submitted = {1: T0 + datetime.timedelta(minutes=5), 2: T0, 3: T0}
    ranked = rank_entries(crit, sheets, submitted, zscore=False)
    assert {r.raw_mean for r in ranked} == {50.0}
    # 3 and 1 beat 2 on criterion 1; between 3 and 1, 3 submitted earlier.
    assert [r.entry_round_id for r in ranked] == [3, 1, 2]
    assert [r.rank for r in ranked] == [1, 2, 3]


def test_entries_without_sheets_rank_last_without_a_rank():
    sheets = {1: {9: {1: 1, 2: 1, 3: 1}}}
    ranked = rank_entries(CRITERIA, sheets, {1: T0, 2: T0 - datetime.timedelta(days=1)},
                          zscore=True)
    assert [r.entry_round_id for r in ranked] == [1, 2]
    assert ranked[1].rank is None and ranked[1].final_score is None


def test_zscore_mean_over_judges():
    sheets = {1: {7: {1: 10, 2: 10, 3: 5}, 8: {1: 6, 2: 6, 3: 3}},
              2: {7: {1: 0, 2: 0, 3: 1}, 8: {1: 4, 2: 4, 3: 3}}}
    ranked = {r.entry_round_id: r for r in rank_entries(CRITERIA, sheets, {1: T0, 2: T0},
                                                        zscore=True)}
    assert ranked[1].final_score == pytest.approx(1.0)
    assert ranked[2].final_score == pytest.approx(-1.0)
    assert ranked[1].judges == 2
