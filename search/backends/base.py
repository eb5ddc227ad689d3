"""What every search backend returns, so views and templates do not care which one ran."""

from dataclasses import dataclass, field


@dataclass
class Hit:
    page_id: int
    kind: str
    title: str
    url: str
    meta: str
    title_html: str  # highlighted, escaped
    snippet_html: str  # highlighted, escaped
    score: float = 0.0


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # kind → matches (whatever kind filter)
    suggestion: str = ""  # "did you mean" (folded words), shown when it found more
    corrected: bool = False  # hits are for `suggestion` because `query` found nothing
    # PostgreSQL counts matches up to a limit (search/backends/postgres.py, COUNT_LIMIT):
    capped: bool = False  # counting stopped: the counts per kind are "at least"
    total_capped: bool = False  # more than `total` (= the limit) matches
