"""The report oracle: what every figure should be, in plain SQL over the raw tables.

It reads only what people and officers recorded — accounts (`accounts_user`), their roles
(`units_role`), the unit tree (`units_unit`), learner profiles, course completions,
certificates, employment outcomes, targets and their courses — and never a report table
(TargetLearner, TargetUnitCounter) nor a report service. Tests compare the counters the app
maintains, and a `reports_rebuild`, against it (tests/reports/test_oracle_machine.py) and check
that every page and export shows its figures (tests/reports/test_views_oracle_levels.py).
PostgreSQL only (DISTINCT ON, jsonb, window functions, AT TIME ZONE).

The rules it encodes (docs/features/reports.md, "How the figures are checked"):

R1 Population: a person counts for a learner target when their account is active and they hold
   a live (ended_at IS NULL) learner role; they count ONCE, at the unit of their NEWEST live
   learner role (created_at, then id: the latest wins), and only when that unit lies in the
   target unit's subtree and the target's filters match (school levels — of the nearest
   ancestor-or-self unit that records one —, grades — the class's grade, else the profile's —,
   graduation year, household, age on the period's last day). Teacher targets: the same with
   teacher roles.
R2 Deactivated accounts (is_active false) count nowhere, neither in population nor trained.
R3 Splits by sex, ethnic group, household and school level as recorded; an empty value is its
   own "not recorded" group; Kinh/minority is NULL (unknown) when the ethnic group is empty.
Trained: the `min_courses`-th qualifying event inside [period_start, period_end + 1 day) in the
   site's time zone. Events per rule: course — a completion of one of the target's courses;
   programme — a completion of a course of the programme; certificate — a valid (not revoked)
   certificate of one of the target's courses (of the programme's courses when the target names
   a programme); employed — the recorded_at of each employed/self-employed outcome, only when the
   person's latest outcome (date, recorded_at, id) is one of those.
   "Course-rule trained never goes backwards" (lms.reports.services.learner_sync keeps a row's
   trained_at for non-standing rules) needs no history here: completions are never removed, so
   while the person stays in the population the raw data keeps them trained; the only ways the
   raw answer falls are leaving the population (the code drops the row too) and a target edit
   (the code rebuilds the target from raw data). The oracle is therefore stateless.

The tree: treebeard keeps it only as materialised paths, so the oracle derives each unit's
PARENT (the unit one level up whose path is its path minus one step) once, and walks those
parent links recursively for "ancestor" and "subtree"; it never uses a role's copy of its
unit's path (`units_role.unit_path`) nor a path-prefix test.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import connection

from lms.accounts.ethnicity import Ethnicity
from lms.units.models import Unit

SPLIT = ("sex", "minority", "ethnicity", "household", "school_level")

# Every unit's parent, derived from the live paths (the only place paths are read).
_PARENT = """
parent AS (
    SELECT c.id, p.id AS parent_id
    FROM units_unit c
    LEFT JOIN units_unit p
           ON p.depth = c.depth - 1 AND p.path = substr(c.path, 1, length(c.path) - %(step)s)
)"""

# (unit, ancestor-or-self, distance) by walking parent links.
_UP = """
up (unit_id, ancestor_id, dist) AS (
    SELECT id, id, 0 FROM units_unit
    UNION ALL
    SELECT up.unit_id, parent.parent_id, up.dist + 1
    FROM up JOIN parent ON parent.id = up.ancestor_id
    WHERE parent.parent_id IS NOT NULL
)"""

_PEOPLE = """
target AS (
    SELECT t.*,
           CASE t.population WHEN 'teachers' THEN 'teacher' ELSE 'learner' END AS role_kind,
           (t.period_start::timestamp AT TIME ZONE %(tz)s) AS t_from,
           ((t.period_end + 1)::timestamp AT TIME ZONE %(tz)s) AS t_to
    FROM reports_target t
    WHERE t.is_active AND (%(target)s::bigint IS NULL OR t.id = %(target)s::bigint)
),
-- R1: each person's newest live role of each kind (the latest created wins, then id).
latest AS (
    SELECT DISTINCT ON (r.kind, r.user_id) r.kind, r.user_id, r.unit_id
    FROM units_role r
    WHERE r.ended_at IS NULL AND r.kind IN ('learner', 'teacher')
    ORDER BY r.kind, r.user_id, r.created_at DESC, r.id DESC
),
-- The school level of a unit: the nearest ancestor-or-self that records one.
level AS (
    SELECT DISTINCT ON (up.unit_id) up.unit_id, a.school_level
    FROM up JOIN units_unit a ON a.id = up.ancestor_id AND a.school_level <> ''
    ORDER BY up.unit_id, up.dist
),
-- R1 + R2 + the target's filters: who is in the population, where, with which split values.
people AS (
    SELECT t.id AS target_id, l.user_id, l.unit_id AS class_id,
           coalesce(p.sex, '') AS sex,
           coalesce(p.ethnicity, '') AS ethnicity,
           coalesce(p.household_status, '') AS household,
           coalesce(lv.school_level, '') AS school_level
    FROM target t
    JOIN latest l ON l.kind = t.role_kind
    JOIN accounts_user u ON u.id = l.user_id AND u.is_active          -- R2
    JOIN units_unit c ON c.id = l.unit_id
    LEFT JOIN accounts_learnerprofile p ON p.user_id = l.user_id
    LEFT JOIN level lv ON lv.unit_id = l.unit_id
    WHERE EXISTS (SELECT 1 FROM up WHERE up.unit_id = l.unit_id AND up.ancestor_id = t.unit_id)
      AND (jsonb_array_length(t.school_levels) = 0
           OR t.school_levels @> jsonb_build_array(coalesce(lv.school_level, '')))
      AND (jsonb_array_length(t.grades) = 0
           OR coalesce(c.grade, p.grade) IS NOT NULL
              AND t.grades @> jsonb_build_array(coalesce(c.grade, p.grade)))
      AND (t.graduation_year IS NULL OR p.expected_graduation_year = t.graduation_year)
      AND (t.household = 'any'
           OR t.household = 'poor' AND p.household_status = 'poor'
           OR t.household = 'poor_near' AND p.household_status IN ('poor', 'near_poor'))
      AND (t.age_min IS NULL OR p.date_of_birth IS NOT NULL
           AND extract(year FROM age(t.period_end, p.date_of_birth)) >= t.age_min)
      AND (t.age_max IS NULL OR p.date_of_birth IS NOT NULL
           AND extract(year FROM age(t.period_end, p.date_of_birth)) <= t.age_max)
),
target_course AS (
    SELECT tc.target_id, tc.coursepage_id AS course_id FROM reports_target_courses tc
),
programme_course AS (
    SELECT t.id AS target_id, cp.page_ptr_id AS course_id FROM courses_coursepage cp
    JOIN target t ON cp.programme_id = t.programme_id
),
latest_outcome AS (
    SELECT DISTINCT ON (o.learner_id) o.learner_id, o.status
    FROM careers_employmentoutcome o
    ORDER BY o.learner_id, o.date DESC, o.recorded_at DESC, o.id DESC
),
-- Qualifying events per rule.
event AS (
    SELECT t.id AS target_id, cc.user_id, cc.completed_at AS at
    FROM courses_coursecompletion cc JOIN target t ON t.rule = 'course'
    WHERE cc.course_id IN (SELECT course_id FROM target_course WHERE target_id = t.id)
    UNION ALL
    SELECT t.id, cc.user_id, cc.completed_at
    FROM courses_coursecompletion cc JOIN target t ON t.rule = 'programme'
    WHERE cc.course_id IN (SELECT course_id FROM programme_course WHERE target_id = t.id)
    UNION ALL
    SELECT t.id, c.user_id, c.issued_at
    FROM certificates_certificate c JOIN target t ON t.rule = 'certificate'
    WHERE c.revoked_at IS NULL
      AND c.course_id IN (SELECT course_id FROM programme_course WHERE target_id = t.id
                          AND t.programme_id IS NOT NULL
                          UNION ALL
                          SELECT course_id FROM target_course WHERE target_id = t.id
                          AND t.programme_id IS NULL)
    UNION ALL
    SELECT t.id, o.learner_id, o.recorded_at
    FROM careers_employmentoutcome o JOIN target t ON t.rule = 'employed'
    JOIN latest_outcome lo ON lo.learner_id = o.learner_id
    WHERE lo.status IN ('employed', 'self_employed') AND o.status IN ('employed', 'self_employed')
),
-- Trained: the min_courses-th event inside [start, end + 1 day) in the site's time zone.
numbered AS (
    SELECT e.target_id, e.user_id, e.at,
           row_number() OVER (PARTITION BY e.target_id, e.user_id ORDER BY e.at) AS n
    FROM event e JOIN target t ON t.id = e.target_id AND e.at >= t.t_from AND e.at < t.t_to
),
trained AS (
    SELECT nb.target_id, nb.user_id, nb.at AS trained_at FROM numbered nb
    JOIN target t ON t.id = nb.target_id AND nb.n = greatest(1, t.min_courses)
)"""

# R3: minority is unknown (NULL) when the ethnic group is not recorded.
_MINORITY = "CASE WHEN pe.ethnicity = '' THEN NULL ELSE pe.ethnicity <> %(kinh)s END"

# The SQL is built from the constant fragments above; every value is a query parameter.
PEOPLE_SQL = f"""
WITH RECURSIVE {_PARENT}, {_UP}, {_PEOPLE}
SELECT pe.target_id, pe.user_id, pe.class_id, pe.sex, {_MINORITY} AS minority, pe.ethnicity,
       pe.household, pe.school_level, tr.trained_at
FROM people pe
LEFT JOIN trained tr ON tr.target_id = pe.target_id AND tr.user_id = pe.user_id
ORDER BY pe.target_id, pe.user_id"""  # noqa: S608

# Each person counts at their class and at every ancestor of it inside the target's subtree.
COUNTERS_SQL = f"""
WITH RECURSIVE {_PARENT}, {_UP}, {_PEOPLE}
SELECT pe.target_id, up.ancestor_id AS unit_id, pe.sex, {_MINORITY} AS minority,
       pe.ethnicity, pe.household, pe.school_level,
       count(*) AS population, count(tr.user_id) AS trained
FROM people pe
JOIN target t ON t.id = pe.target_id
JOIN up ON up.unit_id = pe.class_id
LEFT JOIN trained tr ON tr.target_id = pe.target_id AND tr.user_id = pe.user_id
WHERE EXISTS (SELECT 1 FROM up AS inside
              WHERE inside.unit_id = up.ancestor_id AND inside.ancestor_id = t.unit_id)
GROUP BY pe.target_id, up.ancestor_id, pe.sex, minority, pe.ethnicity, pe.household,
         pe.school_level"""  # noqa: S608

SUBTREE_SQL = f"""
WITH RECURSIVE {_PARENT},
down (id) AS (
    SELECT %(unit)s::bigint
    UNION
    SELECT parent.id FROM parent JOIN down ON parent.parent_id = down.id
)
SELECT id FROM down"""  # noqa: S608


def _params(**extra) -> dict:
    return {"step": Unit.steplen, "tz": settings.TIME_ZONE, "kinh": Ethnicity.KINH.value,
            **extra}


def _rows(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def people(target_id: int) -> dict[int, dict]:
    """person id → {class_id, sex, minority, ethnicity, household, school_level, trained_at}
    for everyone the target counts (R1, R2, R3 and the rule)."""
    return {row[1]: dict(zip(("class_id", *SPLIT, "trained_at"), row[2:], strict=True))
            for row in _rows(PEOPLE_SQL, _params(target=target_id))}


def counters(target_id: int) -> dict[tuple, tuple[int, int]]:
    """(unit id, sex, minority, ethnic group, household, school level) → (population, trained),
    for the class of every counted person and every ancestor up to the target's unit."""
    return all_counters(target_id).get(target_id, {})


def all_counters(target_id: int | None = None) -> dict[int, dict[tuple, tuple[int, int]]]:
    """counters() of every active target (or of one) in one query: target id → table."""
    out: dict[int, dict[tuple, tuple[int, int]]] = defaultdict(dict)
    for row in _rows(COUNTERS_SQL, _params(target=target_id)):
        out[row[0]][tuple(row[1:7])] = (row[7], row[8])
    return out


def subtree(unit_id: int) -> set[int]:
    """The unit and every unit below it in the live tree, by walking parent links down."""
    return {row[0] for row in _rows(SUBTREE_SQL, _params(unit=unit_id))}


# --- Views of a counter table, so each rule's check can be made on its own -------------------


def totals(split_rows: dict[tuple, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """unit id → (population, trained), summed over the splits."""
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for key, (pop, trained) in split_rows.items():
        out[key[0]][0] += pop
        out[key[0]][1] += trained
    return {unit: (p, t) for unit, (p, t) in out.items() if p or t}


def by_dimension(split_rows: dict[tuple, tuple[int, int]], dim: str
                 ) -> dict[tuple, tuple[int, int]]:
    """(unit id, value of `dim`) → (population, trained)."""
    index = 1 + SPLIT.index(dim)
    out: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for key, (pop, trained) in split_rows.items():
        out[(key[0], key[index])][0] += pop
        out[(key[0], key[index])][1] += trained
    return {k: (p, t) for k, (p, t) in out.items() if p or t}


def without(split_rows: dict[tuple, tuple[int, int]], dim: str) -> dict[tuple, tuple[int, int]]:
    """The table with one split column folded away (e.g. `minority`, derived from the group)."""
    index = 1 + SPLIT.index(dim)
    out: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for key, (pop, trained) in split_rows.items():
        short = key[:index] + key[index + 1:]
        out[short][0] += pop
        out[short][1] += trained
    return {k: (p, t) for k, (p, t) in out.items() if p or t}
