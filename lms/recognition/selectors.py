"""Reads: counts for reports, review lists, the public list per commune/ward."""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import Count

from lms.units.models import Unit

from .models import Candidate, CandidateStatus, RecognitionKind, RecognitionRule
from .rules import DEFAULT, RuleBook

KINDS = [k for k, _ in RecognitionKind.choices]


def recognition_counts(unit: Unit, year: int) -> dict[str, int]:
    """Confirmed recognitions per kind in `unit`'s subtree for `year` (for lms.reports):
    {"citizen": n, "family": n, "community": n, "unit": n}. A candidate belongs to the unit it
    was proposed under (a citizen's class or learning centre, a household's commune)."""
    counts = dict.fromkeys(KINDS, 0)
    for row in (Candidate.objects.filter(year=year, status=CandidateStatus.CONFIRMED,
                                         scope_unit__path__startswith=unit.path)
                .values("kind").annotate(n=Count("id"))):
        counts[row["kind"]] = row["n"]
    return counts


def recognition_counts_years(unit: Unit, years: list[int]) -> dict[int, dict[str, int]]:
    """recognition_counts for several years in one query: {year: {kind: n}}."""
    counts = {year: dict.fromkeys(KINDS, 0) for year in years}
    for row in (Candidate.objects.filter(year__in=years, status=CandidateStatus.CONFIRMED,
                                         scope_unit__path__startswith=unit.path)
                .values("year", "kind").annotate(n=Count("id"))):
        counts[row["year"]][row["kind"]] = row["n"]
    return counts


def counts_by_child(unit: Unit, year: int) -> list[dict]:
    """One row per direct child unit (and one for `unit` as a whole), each with confirmed and
    pending counts per kind — one query for the candidates, bucketed by path."""
    children = list(unit.get_children().select_related("kind").order_by("name"))
    rows = [{"unit": u, "confirmed": dict.fromkeys(KINDS, 0), "pending": dict.fromkeys(KINDS, 0)}
            for u in [unit, *children]]
    # A child's path is the unit's path plus one step: a row's child is its path's prefix.
    by_child = {r["unit"].path: r for r in rows[1:]}
    child_len = len(unit.path) + Unit.steplen
    data = (Candidate.objects.filter(year=year, scope_unit__path__startswith=unit.path)
            .exclude(status=CandidateStatus.REJECTED)
            .values("kind", "status", "scope_unit__path").annotate(n=Count("id")))
    for row in data:
        bucket = "confirmed" if row["status"] == CandidateStatus.CONFIRMED else "pending"
        for r in (rows[0], by_child.get(row["scope_unit__path"][:child_len])):
            if r is not None:
                r[bucket][row["kind"]] += row["n"]
    return rows


def candidates_in(unit: Unit, year: int, *, kind: str = "", status: str = ""):
    qs = (Candidate.objects.filter(year=year, scope_unit__path__startswith=unit.path)
          .select_related("scope_unit", "commune", "reviewed_by", "certificate"))
    if kind in KINDS:
        qs = qs.filter(kind=kind)
    if status in CandidateStatus.values:
        qs = qs.filter(status=status)
    return qs.order_by("status", "kind", "display_name")


def public_list(commune: Unit, year: int) -> dict[str, list[str]]:
    """Names only (public recognition): never dates of birth, phone numbers or figures."""
    grouped = defaultdict(list)
    for kind, name in (Candidate.objects.filter(commune=commune, year=year,
                                                status=CandidateStatus.CONFIRMED)
                       .order_by("display_name").values_list("kind", "display_name")):
        grouped[kind].append(name)
    return {k: grouped[k] for k in KINDS if grouped[k]}


def public_lists() -> list[Mapping[str, Any]]:
    """Communes/wards and years that have a public list."""
    rows = (Candidate.objects.filter(status=CandidateStatus.CONFIRMED, commune__isnull=False)
            .values("commune_id", "commune__name", "commune__code", "year")
            .annotate(n=Count("id")).order_by("-year", "commune__name"))
    return [r for r in rows if r["commune__code"]]


def rule_for(unit: Unit, year: int):
    """(the rule row defined at this unit or None, the values in force here)."""
    own = RecognitionRule.objects.filter(unit=unit, year=year).first()
    return own, RuleBook(year).for_path(unit.path)


__all__ = ["DEFAULT", "candidates_in", "counts_by_child", "public_list", "public_lists",
           "recognition_counts", "recognition_counts_years", "rule_for"]
