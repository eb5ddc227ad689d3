"""The large reports database that bench/reports.py and bench/reorganise.py measure on.

`recreate_database(url)` clones a migrated template database (`hocmo_dash_template_<digest>`,
the digest of every migration file and installed package version): migrations run once per
schema, not once per build (they took 6.7 of the 21 minutes of a 1 M build), and a new schema's
template starts from the newest older one, so only the new migrations run. `build(args)` then
writes the unit tree with COPY and everything per learner — accounts, profiles, class roles,
enrolments, `learners × lessons` progress rows, completions — with INSERT … SELECT over
generate_series, so no per-row work happens in Python; the bulk tables load without their
indexes and PK/UNIQUE constraints (built afterwards, one sort each) and UNLOGGED (BULK_TABLES).
The template's prefix is HOCMO_BENCH_TEMPLATE_PREFIX (default `hocmo_dash_template_`: on a
shared machine each engineer keeps to their own database names). `compute_target` counts one
target by the real `target_rebuild` up to 200,000 learners, above that by an equivalent
INSERT … SELECT plus the app's set-based `rows_sql.counters_write`."""

# ruff: noqa: S603, S608 - fixed argv of local tools; SQL built from integers and our names

from __future__ import annotations

import datetime
import hashlib
import io
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CLASS_SIZE = 40
FIRST_USER = 1000


def log(msg: str) -> None:
    print(f"[bench] {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def step(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, 36)
        out = ALPHABET[r] + out
    return out


def setup_django(db_url: str) -> None:
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.core.management import call_command  # pages need the static manifest (DEBUG off)

    # collectstatic took 3 minutes on a loaded box before every build: skipped while the manifest
    # is newer than every source file.
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    newest = max((Path(finder.find(path) or storage.path(path)).stat().st_mtime
                  for finder in finders.get_finders() for path, storage in finder.list([])),
                 default=0)
    if not manifest.is_file() or manifest.stat().st_mtime < newest:
        call_command("collectstatic", "--noinput", verbosity=0)


def schema_digest() -> str:
    """What the migrated schema depends on: our migration files and the installed packages."""
    digest = hashlib.sha256()
    for top in ("lms", "courses", "library", "search"):
        for path in sorted((ROOT / top).glob("**/migrations/*.py")):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(dist.encode())
    return digest.hexdigest()[:12]


def recreate_database(db_url: str) -> None:
    """DROP and CREATE the database as a copy of the migrated template (made once)."""
    import psycopg

    name = db_url.rsplit("/", 1)[1]
    base = db_url.rsplit("/", 1)[0]
    prefix = os.environ.get("HOCMO_BENCH_TEMPLATE_PREFIX", "hocmo_dash_template_")
    template = f"{prefix}{schema_digest()}"
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                            [template]).fetchone():
            building = f"{template}_{os.getpid()}"
            t0 = time.monotonic()
            # From the newest older template, migrate applies only the new migrations; from
            # nothing (or when that fails: another branch's history), all of them.
            older = conn.execute(
                "SELECT datname FROM pg_database WHERE datname ~ ('^' || %s || '[0-9a-f]+$')"
                " ORDER BY (pg_stat_file('base/' || oid || '/PG_VERSION')).modification DESC"
                " LIMIT 1", [prefix]).fetchone()
            for source in ([older[0]] if older else []) + [None]:
                conn.execute(f'DROP DATABASE IF EXISTS "{building}"')
                conn.execute(f'CREATE DATABASE "{building}"'
                             + (f' TEMPLATE "{source}"' if source else ""))
                done = subprocess.run(
                    [sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT,
                    check=source is None, env={**os.environ, "DATABASE_URL": f"{base}/{building}",
                                               "DJANGO_SETTINGS_MODULE": "lms.settings.dev"})
                if done.returncode == 0:
                    break
            try:
                conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            except psycopg.errors.DuplicateDatabase:  # another builder was first
                conn.execute(f'DROP DATABASE "{building}"')
            log(f"template {template} migrated in {time.monotonic() - t0:.0f}s (once)")
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def copy(cursor, table: str, columns: list[str], rows) -> int:
    """COPY rows (tuples) into table in 8 MB chunks of tab-separated text."""
    n = 0
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
        buf = io.StringIO()
        for row in rows:
            buf.write("\t".join("\\N" if v is None else str(v) for v in row))
            buf.write("\n")
            n += 1
            if buf.tell() > 8_000_000:
                cp.write(buf.getvalue())
                buf = io.StringIO()
        cp.write(buf.getvalue())
    return n


def _tree(args, kinds: dict[str, int]) -> tuple[list, list[int], dict]:
    """The unit rows (ministry → provinces → 10 districts each → schools → 40-learner classes)."""
    from lms.units.models import SchoolLevel

    districts_per_province = 10
    schools_per_district = max(1, args.schools // (args.provinces * districts_per_province))
    n_schools = args.provinces * districts_per_province * schools_per_district
    n_classes = max(n_schools, args.learners // CLASS_SIZE)
    classes_per_school = -(-n_classes // n_schools)
    units: list[tuple] = []
    classes: list[int] = []

    def unit(path, depth, kind, name, level="", grade=None, numchild=0):
        units.append((len(units) + 1, path, depth, numchild, kinds[kind], name, "t",
                      level, grade, "2025-2026" if kind == "class" else ""))
        return len(units)

    ids: dict = {"ministry": unit("0001", 1, "ministry", "Bộ GD&ĐT", numchild=args.provinces),
                 "provinces": [], "districts": []}
    for p in range(1, args.provinces + 1):
        ppath = "0001" + step(p)
        ids["provinces"].append(unit(ppath, 2, "province_department", f"Sở GD&ĐT Tỉnh {p}",
                                     numchild=districts_per_province))
        for d in range(1, districts_per_province + 1):
            dpath = ppath + step(d)
            ids["districts"].append(unit(dpath, 3, "district_office", f"Phòng GD&ĐT {p}-{d}",
                                         numchild=schools_per_district))
            for s in range(1, schools_per_district + 1):
                spath = dpath + step(s)
                unit(spath, 4, "school", f"Trường THPT {p}-{d}-{s}",
                     level=SchoolLevel.UPPER_SECONDARY, numchild=classes_per_school)
                for c in range(1, classes_per_school + 1):
                    if len(classes) < n_classes:
                        classes.append(unit(spath + step(c), 5, "class", f"Lớp {c}", grade=12))
    return units, classes, ids


# Everything per learner, in the database; %(…)s are integers and a datetime (parameters).
LEARNER_SQL = [
    ("accounts", "INSERT INTO accounts_user (id, password, is_superuser, username, first_name,"
     " last_name, email, is_staff, is_active, date_joined, full_name, preferred_language)"
     " SELECT i, '!', false, 'hs' || i, '', '', '', false, true, %(now)s, 'Học sinh ' || i, 'vi'"
     " FROM generate_series(%(first)s, %(last)s) i"),
    ("profiles", "INSERT INTO accounts_learnerprofile (user_id, sex, ethnicity, household_status,"
     " grade, expected_graduation_year)"
     " SELECT i, CASE WHEN i %% 2 = 0 THEN 'F' ELSE 'M' END,"
     " CASE WHEN i %% 7 = 0 THEN '08' ELSE '01' END,"
     " (ARRAY['', '', '', 'near_poor', 'poor'])[1 + i %% 5], 12, 2026"
     " FROM generate_series(%(first)s, %(last)s) i"),
    ("class roles", "INSERT INTO units_role (user_id, unit_id, kind, unit_path, created_at)"
     " SELECT i, c.unit_id, 'learner', c.path, %(now)s FROM generate_series(%(first)s, %(last)s) i"
     " JOIN bench_class c ON c.idx = ((i - %(first)s) / %(size)s) %% %(classes)s"),
    ("enrolments", "INSERT INTO courses_enrolment (user_id, course_id, source, created_at)"
     " SELECT i, %(course)s, 'class', %(now)s FROM generate_series(%(first)s, %(last)s) i"),
    # Lessons done per learner: 0, 3, 5 or all (twice as likely), spread by a hash of the id.
    ("lessons done", "CREATE TEMP TABLE bench_done AS SELECT i, (ARRAY[0, 3, 5, %(lessons)s,"
     " %(lessons)s])[1 + abs(hashint4(i)::bigint) %% 5] AS done"
     " FROM generate_series(%(first)s, %(last)s) i"),
    ("progress rows", "INSERT INTO courses_lessonprogress (user_id, lesson_id, course_id, percent,"
     " started_at, last_activity_at, completed_at, time_spent_seconds, source)"
     " SELECT d.i, l.lesson_id, %(course)s, CASE WHEN l.k < d.done THEN 100 ELSE 30 END,"
     " %(now)s, %(now)s, CASE WHEN l.k < d.done THEN %(now)s END, 600, 'bench'"
     # A cross join is a nested loop over bench_done (in id order) and the 10 lessons: the
     # rows come out grouped by learner without sorting 10 M of them (the old ORDER BY did).
     " FROM bench_done d CROSS JOIN bench_lesson l"),
    ("completions", "INSERT INTO courses_coursecompletion (user_id, course_id, completed_at)"
     " SELECT i, %(course)s, %(now)s FROM bench_done WHERE done = %(lessons)s"),
]


# The tables written row by row in bulk. While they load they have no index and no PK/UNIQUE
# constraint (built once afterwards: a sort per index instead of 10 M B-tree insertions) and are
# UNLOGGED (no WAL; checkpoints every GB of WAL wrote each page twice) unless another table's
# foreign key names them (accounts_user). They stay unlogged: this is a throwaway bench database
# (a server crash empties them), and reads are the same.
BULK_TABLES = ["accounts_user", "accounts_learnerprofile", "units_role", "courses_enrolment",
               "courses_lessonprogress", "courses_coursecompletion", "reports_targetlearner"]
# The indexes of `tables` that no foreign key depends on (accounts_user's and units_unit's
# primary keys stay), with what drops and what recreates each.
_INDEXES_SQL = """
SELECT t.relname, i.indexrelid::regclass::text, c.conname,
       pg_get_indexdef(i.indexrelid), pg_get_constraintdef(c.oid)
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = t.oid
                          AND c.contype IN ('p', 'u', 'x')
WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f'
                  AND f.conindid = i.indexrelid)
ORDER BY t.relname, i.indexrelid"""


def indexes_drop(cur, tables: list[str]) -> list[str]:
    """Makes `tables` UNLOGGED (those no permanent table references) and drops their indexes;
    returns the statements that recreate the indexes and constraints."""
    cur.execute(_INDEXES_SQL, [tables])
    recreate = []
    for table, index, constraint, index_def, constraint_def in cur.fetchall():
        if constraint:
            cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint}"')
            recreate.append(f'ALTER TABLE {table} ADD CONSTRAINT "{constraint}" {constraint_def}')
        else:
            cur.execute(f"DROP INDEX {index}")
            recreate.append(index_def)
    for table in tables:
        cur.execute("SELECT 1 FROM pg_constraint WHERE contype = 'f' AND confrelid = %s::regclass"
                    " AND conrelid <> confrelid", [table])
        if cur.fetchone() is None:
            cur.execute(f"ALTER TABLE {table} SET UNLOGGED")
    return recreate


def indexes_create(cur, statements: list[str]) -> None:
    t0 = time.monotonic()
    cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for sql in statements:
        cur.execute(sql)
    log(f"{len(statements)} indexes and constraints built in {time.monotonic() - t0:.0f}s")


def build(args) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction

    from lms.reports.models import Target, TrainedRule
    from lms.units.models import Unit, UnitKind
    from tests.factories import course_with_lessons

    t0 = time.monotonic()
    call_command("migrate", verbosity=0)  # nothing to do on a fresh copy of the template
    log(f"migrations checked in {time.monotonic() - t0:.0f}s")
    kinds = {code: UnitKind.objects.get_or_create(code=code, defaults={
        "name": name, "is_school": code == "school", "is_class": code == "class"})[0].pk
        for code, name in [("ministry", "Bộ"), ("province_department", "Sở GD&ĐT"),
                           ("district_office", "Phòng GD&ĐT"), ("school", "Trường"),
                           ("class", "Lớp học")]}
    course, lessons = course_with_lessons(args.lessons, title="Khởi nghiệp", slug="khoi-nghiep")
    units, classes, ids = _tree(args, kinds)
    paths = {u[0]: u[1] for u in units}
    params = {"now": datetime.datetime(2025, 10, 1, 8, tzinfo=datetime.timezone(
                  datetime.timedelta(hours=7))),  # bound as a timestamptz literal
              "first": FIRST_USER,
              "last": FIRST_USER + args.learners - 1, "size": CLASS_SIZE,
              "classes": len(classes), "course": course.pk, "lessons": args.lessons}
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET LOCAL synchronous_commit = off")
        cur.execute("SET LOCAL session_replication_role = replica")  # no FK triggers
        recreate = indexes_drop(cur, BULK_TABLES[:-1])
        raw = cur.cursor if hasattr(cur, "cursor") else cur
        copy(raw, "units_unit", ["id", "path", "depth", "numchild", "kind_id", "name",
                                 "is_active", "school_level", "grade", "school_year"], units)
        log(f"{len(units)} units ({len(classes)} classes)")
        cur.execute("CREATE TEMP TABLE bench_class (idx int PRIMARY KEY, unit_id int, path text)")
        copy(raw, "bench_class", ["idx", "unit_id", "path"],
             ((n, pk, paths[pk]) for n, pk in enumerate(classes)))
        cur.execute("CREATE TEMP TABLE bench_lesson (k int, lesson_id int)")
        copy(raw, "bench_lesson", ["k", "lesson_id"], enumerate(lesson.pk for lesson in lessons))
        for label, sql in LEARNER_SQL:
            t1 = time.monotonic()
            cur.execute(sql, params)
            log(f"{label}: {max(cur.rowcount, 0):,} rows in {time.monotonic() - t1:.0f}s")
        indexes_create(cur, recreate)
        cur.execute("SET LOCAL session_replication_role = origin")
        for table in ("units_unit", "accounts_user", "accounts_learnerprofile"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    log(f"raw data loaded in {time.monotonic() - t0:.0f}s")
    target = Target.objects.create(
        code="KN-90", name="90% học sinh THPT được đào tạo khởi nghiệp",
        unit=Unit.objects.get(pk=ids["ministry"]), school_levels=["upper_secondary"],
        rule=TrainedRule.COURSE, threshold=90, period_label="2025-2026",
        period_start="2025-08-01", period_end="2026-12-31")
    target.courses.set([course])
    target.refresh_from_db()  # dates as dates
    return {"target": target, "course": course, "provinces": ids["provinces"],
            "districts": ids["districts"], "classes": classes}


def existing() -> dict:
    from lms.reports.models import Target
    from lms.units.models import Unit
    target = Target.objects.get(code="KN-90")
    ids = {d: list(Unit.objects.filter(depth=d).order_by("pk").values_list("pk", flat=True))
           for d in (2, 3, 5)}
    return {"target": target, "course": target.courses.get(), "provinces": ids[2],
            "districts": ids[3], "classes": ids[5]}

PYTHON_TARGET_MAX = 200_000  # learners up to which the target is computed by target_rebuild


def compute_target(target, learners: int) -> float:
    from django.db import connection, transaction

    from lms.reports.dashboard import dashboards_touch_all
    from lms.reports.services.rebuild import target_rebuild
    from lms.reports.services.rows_sql import counters_write
    t0 = time.monotonic()
    if learners <= PYTHON_TARGET_MAX:
        target_rebuild(target)
        how = "target_rebuild (Python, real path)"
    else:
        course_id = target.courses.get().pk
        with transaction.atomic(), connection.cursor() as cur:
            # No FK triggers (rows from valid ids): their pending events would forbid the
            # ALTER TABLE that rebuilds the constraints in this transaction.
            cur.execute("SET LOCAL session_replication_role = replica")
            recreate = indexes_drop(cur, ["reports_targetlearner"])
            cur.execute(
                "INSERT INTO reports_targetlearner (target_id, learner_id, unit_id, sex, minority,"
                " ethnicity, household, school_level, trained, trained_at)"
                " SELECT %s, r.user_id, r.unit_id, p.sex, NULLIF(p.ethnicity, '') <> '01',"
                " p.ethnicity, p.household_status, 'upper_secondary', c.id IS NOT NULL,"
                " c.completed_at FROM units_role r JOIN accounts_learnerprofile p"
                " ON p.user_id = r.user_id LEFT JOIN courses_coursecompletion c"
                " ON c.user_id = r.user_id AND c.course_id = %s"
                " WHERE r.kind = 'learner' AND r.ended_at IS NULL", [target.pk, course_id])
            log(f"target rows: {cur.rowcount:,} in {time.monotonic() - t0:.0f}s")
            indexes_create(cur, recreate)
        with connection.cursor() as cur:
            cur.execute("ANALYZE reports_targetlearner")
        # The counters by the app's set-based path (rows_sql.counters_write, what a subtree
        # entering a target runs: one INSERT … SELECT … GROUP BY), not counters_recount's
        # grouping in Python (532 s of the 16 min at 1 M); both give the same counters (checked
        # at 20,000 learners, as this INSERT gives the same rows as rows_sql.rows_replace).
        t1 = time.monotonic()
        with transaction.atomic():
            counters_write(target, target.unit.path)
        dashboards_touch_all()
        log(f"counters_write in {time.monotonic() - t1:.0f}s")
        how = "INSERT … SELECT + counters_write"
    seconds = time.monotonic() - t0
    with connection.cursor() as cur:
        cur.execute("ANALYZE reports_targetunitcounter")
    log(f"target computed by {how} in {seconds:.1f}s")
    return seconds
