"""A subtree's TargetLearner rows and counters computed in the database, set-based: one
INSERT … SELECT for the rows, one for the counters, whatever the number of people.

Used when a subtree enters a target (tree_sync): moving a school of 2,000 learners must not
pull 2,000 roles, profiles and completions into Python. The rules are those of
`rebuild.target_rows` (docs/features/reports.md R1–R3), written as ORM expressions so the
statement runs on SQLite and PostgreSQL alike; the employment rule's events come from
lms.careers in Python, so its targets keep the Python path (`supported`).

Dates and times are compared in the database (the period bounds and age limits are computed
here once per target), so the only per-person work is PostgreSQL's or SQLite's."""

import datetime

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf, Substr

from lms.accounts.ethnicity import Ethnicity
from lms.units.models import Role, Unit

from ..models import HouseholdFilter, Target, TargetLearner, TargetUnitCounter, TrainedRule
from ..rules import period_bounds
from .attainment import POPULATION_ROLES, SPLIT_FIELDS, qualifying_rows

# The INSERT's columns, in order; each is an annotation of `people()` named "r_<column>".
ROW_COLUMNS = ("learner_id", "unit_id", *SPLIT_FIELDS, "trained", "trained_at")


def supported(target: Target) -> bool:
    """Can this target's rows be computed in SQL? (The employment rule's events are not.)"""
    return target.rule != TrainedRule.EMPLOYED


def people(target: Target, within: str) -> QuerySet:
    """The live roles of the target's kind that place a person in `within`'s subtree (and the
    target's): active accounts, newest live role of that kind only (R1, R2)."""
    kind = POPULATION_ROLES[target.population]
    newer = Role.objects.filter(user_id=OuterRef("user_id"), kind=kind, ended_at__isnull=True
                                ).filter(Q(created_at__gt=OuterRef("created_at"))
                                         | Q(created_at=OuterRef("created_at"),
                                             pk__gt=OuterRef("pk")))
    top = target.unit.path
    # The deeper of the two subtrees (one LIKE: the planner estimates it well); both when
    # neither holds the other (nobody, then).
    paths = ([max(within, top, key=len)] if within.startswith(top) or top.startswith(within)
             else [within, top])
    roles = Role.objects.filter(kind=kind, ended_at__isnull=True, user__is_active=True)
    for path in paths:
        # unit_path (the indexed copy, rewritten before unit_moved is sent) narrows; the
        # unit's own path is the truth.
        roles = roles.filter(unit_path__startswith=path, unit__path__startswith=path)
    return roles.filter(~Exists(newer))


def _school_level():
    """The nearest unit at or above the role's unit that records a school level ("" if none),
    looked up by its path prefixes (one index probe each)."""
    depth = Unit.objects.aggregate(m=Max("depth"))["m"] or 1
    above = Q()
    for k in range(1, depth + 1):
        above |= Q(path=Substr(OuterRef("unit__path"), 1, k * Unit.steplen))
    levels = (Unit.objects.filter(above).exclude(school_level="").order_by("-depth")
              .values("school_level")[:1])
    return Coalesce(Subquery(levels), Value(""))


def _born_by(day: datetime.date, years: int) -> datetime.date:
    """The last birth date of someone at least `years` old on `day` (rules._age_on)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def _filtered(target: Target, roles: QuerySet) -> QuerySet:
    """`rules.counts_in`'s filters (the subtree is already `people`'s)."""
    profile = "user__learner_profile__"
    if target.school_levels:
        roles = roles.filter(r_school_level__in=target.school_levels)
    if target.grades:
        roles = roles.annotate(r_grade=Coalesce(NullIf(F("unit__grade"), 0),
                                                F(profile + "grade"))
                               ).filter(r_grade__in=target.grades)
    if target.graduation_year:
        roles = roles.filter(**{profile + "expected_graduation_year": target.graduation_year})
    if target.household == HouseholdFilter.POOR:
        roles = roles.filter(**{profile + "household_status": "poor"})
    elif target.household == HouseholdFilter.POOR_OR_NEAR_POOR:
        roles = roles.filter(**{profile + "household_status__in": ["poor", "near_poor"]})
    born = profile + "date_of_birth"
    if target.age_min is not None or target.age_max is not None:
        roles = roles.filter(**{born + "__isnull": False})
    if target.age_min is not None:
        roles = roles.filter(**{born + "__lte": _born_by(target.period_end, target.age_min)})
    if target.age_max is not None:
        roles = roles.filter(**{born + "__gt": _born_by(target.period_end,
                                                         target.age_max + 1)})
    return roles


def _trained_at(target: Target):
    """The time of the min_courses-th qualifying event inside the period (rules.trained_at)."""
    rows, field = qualifying_rows(target)
    start, end = period_bounds(target)
    need = max(1, target.min_courses)
    events = (rows.filter(user_id=OuterRef("user_id"), **{field + "__gte": start,
                                                          field + "__lt": end})
              .order_by(field).values(field)[need - 1:need])
    return Subquery(events, output_field=DateTimeField())


def rows_select(target: Target, within: str) -> QuerySet:
    """`people` as TargetLearner rows: values_list of the "r_<column>" annotations, in
    ROW_COLUMNS order."""
    profile = "user__learner_profile__"
    ethnicity = Coalesce(F(profile + "ethnicity"), Value(""))
    when = _trained_at(target)
    roles = people(target, within).annotate(
        r_learner_id=F("user_id"), r_unit_id=F("unit_id"),
        r_sex=Coalesce(F(profile + "sex"), Value("")),
        r_minority=Case(When(Q(**{profile + "ethnicity__isnull": True})
                             | Q(**{profile + "ethnicity": ""}), then=Value(None)),
                        When(**{profile + "ethnicity": Ethnicity.KINH.value}, then=Value(False)),
                        default=Value(True), output_field=BooleanField(null=True)),
        r_ethnicity=ethnicity,
        r_household=Coalesce(F(profile + "household_status"), Value("")),
        r_school_level=_school_level(),
        r_trained_at=when,
        r_trained=Case(When(Q(r_trained_at__isnull=False), then=Value(True)),
                       default=Value(False), output_field=BooleanField()))
    return _filtered(target, roles).values_list(*(f"r_{c}" for c in ROW_COLUMNS))


def rows_replace(target: Target, within: str) -> int:
    """Write the target's rows of everyone who counts in `within`'s subtree (replacing any
    row those people had in the target). Returns how many rows it wrote."""
    TargetLearner.objects.filter(target=target, learner_id__in=people(target, within)
                                 .values("user_id"))._raw_delete(connection.alias)
    sql, params = rows_select(target, within).query.sql_with_params()
    columns = ", ".join(("target_id", *ROW_COLUMNS))
    with connection.cursor() as cursor:
        # One statement; the SELECT is Django's, its column order is ROW_COLUMNS'.
        cursor.execute(f"INSERT INTO {TargetLearner._meta.db_table} ({columns})"  # noqa: S608
                       f" SELECT %s, {', '.join(f'q.r_{c}' for c in ROW_COLUMNS)}"
                       f" FROM ({sql}) q", [target.pk, *params])
        return cursor.rowcount


def counters_write(target: Target, path: str) -> None:
    """Rewrite the target's counters of every unit in `path`'s subtree from its rows there:
    one DELETE, one INSERT … SELECT grouping each row under the units between `path` and
    its class (found by path prefix: one index probe each)."""
    TargetUnitCounter.objects.filter(target=target, unit__path__startswith=path
                                     )._raw_delete(connection.alias)
    depth = Unit.objects.filter(path__startswith=path).aggregate(m=Max("depth"))["m"]
    if depth is None:
        return
    lengths = range(len(path), depth * Unit.steplen + 1, Unit.steplen)
    prefixes = ", ".join("substr(u.path, 1, %s)" for _ in lengths)
    split = ", ".join(f"tl.{f}" for f in SPLIT_FIELDS)
    units, rows = Unit._meta.db_table, TargetLearner._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TargetUnitCounter._meta.db_table} (target_id, unit_id,"  # noqa: S608
            f" {', '.join(SPLIT_FIELDS)}, population, trained)"
            f" SELECT %s, a.id, {split}, COUNT(*), SUM(CASE WHEN tl.trained THEN 1 ELSE 0 END)"
            f" FROM {rows} tl JOIN {units} u ON u.id = tl.unit_id"
            f" JOIN {units} a ON a.path IN ({prefixes})"
            f" WHERE tl.target_id = %s AND u.path LIKE %s"
            f" GROUP BY a.id, {split}",
            [target.pk, *lengths, target.pk, path + "%"])



def counters_shift(target: Target, unit_ids: list[int], source_unit_id: int,
                   sign: int) -> None:
    """Add (sign 1) or subtract (-1) the counters of `source_unit_id` (its subtree's totals,
    per split) to or from those of `unit_ids` (units above it): the missing split rows are
    created first, a subtraction then drops the rows it left at zero. Three statements at most,
    whatever the number of splits (services.counters_add takes two per split)."""
    if not unit_ids:
        return
    table = TargetUnitCounter._meta.db_table
    key = ("sex", "ethnicity", "household", "school_level")  # the unique key (minority follows)
    same = " AND ".join(f"m.{f} = {table}.{f}" for f in key)
    units = ", ".join("%s" for _ in unit_ids)
    source = f"FROM {table} m WHERE m.target_id = %s AND m.unit_id = %s"
    with connection.cursor() as cursor:
        if sign > 0:
            exists = " AND ".join(f"c.{f} = m.{f}" for f in key)
            cursor.execute(
                f"INSERT INTO {table} (target_id, unit_id, {', '.join(SPLIT_FIELDS)},"  # noqa: S608
                f" population, trained) SELECT m.target_id, a.id,"
                f" {', '.join(f'm.{f}' for f in SPLIT_FIELDS)}, 0, 0"
                f" FROM {table} m JOIN {Unit._meta.db_table} a ON a.id IN ({units})"
                f" WHERE m.target_id = %s AND m.unit_id = %s AND m.population > 0"
                f" AND NOT EXISTS (SELECT 1 FROM {table} c WHERE c.target_id = m.target_id"
                f" AND c.unit_id = a.id AND {exists})",
                [*unit_ids, target.pk, source_unit_id])
        cursor.execute(
            f"UPDATE {table} SET"  # noqa: S608
            f" population = population + %s * (SELECT m.population {source} AND {same}),"
            f" trained = trained + %s * (SELECT m.trained {source} AND {same})"
            f" WHERE target_id = %s AND unit_id IN ({units})"
            f" AND EXISTS (SELECT 1 {source} AND {same}"
            f" AND (m.population <> 0 OR m.trained <> 0))",
            [sign, target.pk, source_unit_id, sign, target.pk, source_unit_id, target.pk,
             *unit_ids, target.pk, source_unit_id])
        if sign < 0:
            cursor.execute(f"DELETE FROM {table} WHERE target_id = %s"  # noqa: S608
                           f" AND unit_id IN ({units}) AND population = 0 AND trained = 0",
                           [target.pk, *unit_ids])
