"""Pure score arithmetic (no database): sheet totals, per-judge z-scores and the ranking rule.

- A sheet's total is the weighted mean of its criterion scores, each scaled to 0–100 by the
  criterion's range: Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ × 100.
- Raw mean: the mean of an entry's sheet totals.
- z-score (per round option): each judge's totals within the round unit become
  (total − judge's mean) / judge's population standard deviation, so a harsh and a lenient judge
  weigh the same; a judge with one sheet or identical totals contributes 0. The entry's score is
  the mean of its z-scores.
- Ranking: higher score; ties broken by (1) higher raw mean, (2) higher mean scaled score on the
  heaviest-weight criterion (the first such criterion in rubric order), (3) earlier submission
  time, (4) the earlier arrival in the round (lower record id). Entries without any submitted
  sheet come last and are never promoted.
"""

from dataclasses import dataclass, field
from datetime import datetime
from statistics import fmean, pstdev
from typing import cast


@dataclass(frozen=True)
class Crit:
    id: int
    weight: float
    min_score: int
    max_score: int

    def scale(self, value: float) -> float:
        span = self.max_score - self.min_score
        return 0.0 if span <= 0 else (value - self.min_score) / span * 100


@dataclass
class Result:
    entry_round_id: int
    submitted_at: datetime | None
    raw_mean: float | None = None
    final_score: float | None = None
    heaviest: float | None = None
    judges: int = 0
    totals: dict = field(default_factory=dict)  # judge id → sheet total
    rank: int | None = None


def sheet_total(criteria: list[Crit], values: dict[int, float]) -> float:
    weight_sum = sum(c.weight for c in criteria) or 1.0
    return sum(c.weight * c.scale(values.get(c.id, c.min_score)) for c in criteria) / weight_sum


def heaviest_criterion(criteria: list[Crit]) -> Crit | None:
    best = None
    for c in criteria:  # rubric order: the first of equal weights wins
        if best is None or c.weight > best.weight:
            best = c
    return best


def zscores(totals_by_judge: dict[int, dict[int, float]]) -> dict[int, dict[int, float]]:
    """judge → {entry → total}  ⇒  judge → {entry → z}."""
    out = {}
    for judge, totals in totals_by_judge.items():
        values = list(totals.values())
        mean = fmean(values) if values else 0.0
        sd = pstdev(values) if len(values) > 1 else 0.0
        out[judge] = {e: (0.0 if sd == 0 else (t - mean) / sd) for e, t in totals.items()}
    return out


def rank_entries(criteria: list[Crit], sheets: dict[int, dict[int, dict[int, float]]],
                 submitted: dict[int, datetime | None], *, zscore: bool) -> list[Result]:
    """`sheets`: entry_round id → {judge id → {criterion id → value}} (submitted sheets only);
    `submitted`: entry_round id → the entry's submission time. Returns results in rank order."""
    heavy = heaviest_criterion(criteria)
    results = {er: Result(entry_round_id=er, submitted_at=submitted.get(er)) for er in submitted}
    by_judge: dict[int, dict[int, float]] = {}
    for er, judge_sheets in sheets.items():
        result = results.setdefault(er, Result(entry_round_id=er, submitted_at=submitted.get(er)))
        for judge, values in judge_sheets.items():
            total = sheet_total(criteria, values)
            result.totals[judge] = total
            by_judge.setdefault(judge, {})[er] = total
        if judge_sheets:
            result.judges = len(judge_sheets)
            result.raw_mean = fmean(result.totals.values())
            if heavy is not None:
                result.heaviest = fmean(heavy.scale(v.get(heavy.id, heavy.min_score))
                                        for v in judge_sheets.values())
    if zscore:
        z = zscores(by_judge)
        for result in results.values():
            if result.judges:
                result.final_score = fmean(z[j][result.entry_round_id] for j in result.totals)
    else:
        for result in results.values():
            result.final_score = result.raw_mean

    def key(r: Result):
        if r.final_score is None:
            return (1, 0, 0, 0, 0, r.entry_round_id)
        stamp = r.submitted_at.timestamp() if r.submitted_at else float("inf")
        raw_mean = cast(float, r.raw_mean)  # set wherever a final score is
        return (0, -round(r.final_score, 9), -round(raw_mean, 9), -(r.heaviest or 0), stamp,
                r.entry_round_id)

    ordered = sorted(results.values(), key=key)
    for position, result in enumerate(ordered, start=1):
        if result.final_score is not None:
            result.rank = position
    return ordered
