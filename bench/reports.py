#!/usr/bin/env python3
"""Benchmark reports at scale on PostgreSQL.

    .venv/bin/python bench/reports.py [--learners 1000000] [--lessons 10] [--schools 2000]
                                      [--provinces 10] [--duration 15]

Builds a fresh database named by DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/hocmo_reports): migrate; the unit tree (ministry → 10
provinces → districts → ~2,000 schools → 40-learner classes), learners, profiles, class roles,
enrolments, `learners × lessons` progress rows and completions, all with COPY (not the ORM);
then one target computed by the real rebuild (`target_rebuild`) up to 200,000 learners, or an
equivalent INSERT … SELECT plus the real `counters_recount` above that.

Prints p50/p95 (in-process Django test Client, warm, DEBUG off) for the province dashboard, a
district drill-down, a class's not-yet-trained list, one completion's incremental update
(`attainment_apply`), and requests/s of the teacher's class view for a 40-learner class under
gunicorn (2 workers) + wrk (2 threads, 10 connections).
"""

# ruff: noqa: S603, S608, S310 - fixed argv of local tools; SQL from integers; URLs are 127.0.0.1

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/hocmo_reports"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CLASS_SIZE = 40
WRK = shutil.which("wrk") or "/usr/bin/wrk"

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
    from django.core.management import call_command  # pages need the static manifest (DEBUG off)

    call_command("collectstatic", "--noinput", verbosity=0)

def recreate_database(db_url: str) -> None:
    import psycopg

    name = db_url.rsplit("/", 1)[1]
    admin = db_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

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

def build(args) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction

    from lms.reports.models import Target, TrainedRule
    from lms.units.models import RoleKind, SchoolLevel, UnitKind
    from tests.factories import course_with_lessons

    t0 = time.monotonic()
    call_command("migrate", verbosity=0)
    log(f"migrated in {time.monotonic() - t0:.0f}s")
    kinds = {code: UnitKind.objects.get_or_create(code=code, defaults={
        "name": name, "is_school": code == "school", "is_class": code == "class"})[0].pk
        for code, name in [("ministry", "Bộ"), ("province_department", "Sở GD&ĐT"),
                           ("district_office", "Phòng GD&ĐT"), ("school", "Trường"),
                           ("class", "Lớp học")]}
    course, lessons = course_with_lessons(args.lessons, title="Khởi nghiệp", slug="khoi-nghiep")
    rng = random.Random(2025)
    districts_per_province = 10
    schools_per_district = max(1, args.schools // (args.provinces * districts_per_province))
    n_schools = args.provinces * districts_per_province * schools_per_district
    n_classes = max(n_schools, args.learners // CLASS_SIZE)
    classes_per_school = -(-n_classes // n_schools)

    units, classes, uid = [], [], 1
    def unit(path, depth, kind, name, level="", grade=None, numchild=0):
        nonlocal uid
        units.append((uid, path, depth, numchild, kinds[kind], name, "t",
                      level, grade, "2025-2026" if kind == "class" else ""))
        uid += 1
        return uid - 1
    ids = {"ministry": unit("0001", 1, "ministry", "Bộ GD&ĐT", numchild=args.provinces)}
    for p in range(1, args.provinces + 1):
        ppath = "0001" + step(p)
        ids.setdefault("provinces", []).append(unit(ppath, 2, "province_department",
                                                    f"Sở GD&ĐT Tỉnh {p}",
                                                    numchild=districts_per_province))
        for d in range(1, districts_per_province + 1):
            dpath = ppath + step(d)
            ids.setdefault("districts", []).append(unit(dpath, 3, "district_office",
                                                        f"Phòng GD&ĐT {p}-{d}",
                                                        numchild=schools_per_district))
            for s in range(1, schools_per_district + 1):
                spath = dpath + step(s)
                unit(spath, 4, "school", f"Trường THPT {p}-{d}-{s}",
                     level=SchoolLevel.UPPER_SECONDARY, numchild=classes_per_school)
                for c in range(1, classes_per_school + 1):
                    if len(classes) < n_classes:
                        classes.append(unit(spath + step(c), 5, "class", f"Lớp {c}", grade=12))
    first_user = 1000
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET session_replication_role = replica")  # no FK triggers during COPY
        raw = cur.cursor if hasattr(cur, "cursor") else cur
        copy(raw, "units_unit", ["id", "path", "depth", "numchild", "kind_id", "name",
                                 "is_active", "school_level", "grade", "school_year"], units)
        log(f"{len(units)} units ({n_schools} schools, {len(classes)} classes)")
        now = "2025-10-01 08:00:00+07"
        learner_ids = range(first_user, first_user + args.learners)
        copy(raw, "accounts_user", ["id", "password", "is_superuser", "username", "first_name",
                                    "last_name", "email", "is_staff", "is_active",
                                    "date_joined", "full_name", "preferred_language"],
             ((i, "!", "f", f"hs{i}", "", "", "", "f", "t", now, f"Học sinh {i}", "vi")
              for i in learner_ids))
        copy(raw, "accounts_learnerprofile", ["user_id", "sex", "ethnicity", "household_status",
                                              "grade", "expected_graduation_year"],
             ((i, "FM"[i % 2], "01" if i % 7 else "08", ("", "", "", "near_poor", "poor")[i % 5],
               12, 2026) for i in learner_ids))
        class_of = {i: classes[(i - first_user) // CLASS_SIZE % len(classes)] for i in learner_ids}
        paths = {u[0]: u[1] for u in units}
        copy(raw, "units_role", ["user_id", "unit_id", "kind", "unit_path", "created_at"],
             ((i, class_of[i], RoleKind.LEARNER, paths[class_of[i]], now) for i in learner_ids))
        copy(raw, "courses_enrolment", ["user_id", "course_id", "source", "created_at"],
             ((i, course.pk, "class", now) for i in learner_ids))
        done = {i: rng.choice((0, 3, 5, args.lessons, args.lessons)) for i in learner_ids}
        n = copy(raw, "courses_lessonprogress",
                 ["user_id", "lesson_id", "course_id", "percent", "started_at",
                  "last_activity_at", "completed_at", "time_spent_seconds", "source"],
                 ((i, lesson.pk, course.pk, 100 if k < done[i] else 30, now, now,
                   now if k < done[i] else None, 600, "bench")
                  for i in learner_ids for k, lesson in enumerate(lessons)))
        log(f"{n} progress rows")
        copy(raw, "courses_coursecompletion", ["user_id", "course_id", "completed_at"],
             ((i, course.pk, now) for i in learner_ids if done[i] == args.lessons))
        cur.execute("SET session_replication_role = origin")
        for table in ("units_unit", "accounts_user", "accounts_learnerprofile"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    log(f"raw data loaded in {time.monotonic() - t0:.0f}s")
    from lms.units.models import Unit

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

def compute_target(target, learners: int) -> float:
    from django.db import connection

    from lms.reports.services.rebuild import counters_recount, target_rebuild
    t0 = time.monotonic()
    if learners <= 200_000:
        target_rebuild(target)
        how = "target_rebuild (Python, real path)"
    else:
        course_id = target.courses.get().pk
        with connection.cursor() as cur:
            cur.execute(
                "INSERT INTO reports_targetlearner (target_id, learner_id, unit_id, sex, minority,"
                " ethnicity, household, school_level, trained, trained_at)"
                " SELECT %s, r.user_id, r.unit_id, p.sex, NULLIF(p.ethnicity, '') <> '01',"
                " p.ethnicity, p.household_status, 'upper_secondary', c.id IS NOT NULL,"
                " c.completed_at FROM units_role r JOIN accounts_learnerprofile p"
                " ON p.user_id = r.user_id LEFT JOIN courses_coursecompletion c"
                " ON c.user_id = r.user_id AND c.course_id = %s"
                " WHERE r.kind = 'learner' AND r.ended_at IS NULL", [target.pk, course_id])
            cur.execute("ANALYZE reports_targetlearner")
        counters_recount(target)
        how = "INSERT … SELECT + counters_recount"
    seconds = time.monotonic() - t0
    with connection.cursor() as cur:
        cur.execute("ANALYZE reports_targetunitcounter")
    log(f"target computed by {how} in {seconds:.1f}s")
    return seconds


def timed(fn, n: int) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, mean CPU ms of this Python process) — CPU time is robust on a machine
    shared with other jobs, wall time is what a user waits."""
    for _ in range(3):
        fn()
    samples, cpu0 = [], time.process_time()
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    cpu = (time.process_time() - cpu0) * 1000 / n
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)], cpu


def measure(ctx: dict, args) -> dict:
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from courses.models import CourseCompletion
    from lms.reports.models import TargetLearner
    from lms.reports.services import attainment_apply
    from lms.units.models import RoleKind, Unit
    from lms.units.services import role_grant
    from tests.factories import UserFactory

    target, results = ctx["target"], {}
    province = Unit.objects.get(pk=ctx["provinces"][0])
    district = Unit.objects.get(pk=ctx["districts"][0])
    klass = Unit.objects.get(pk=ctx["classes"][0])
    officer = UserFactory(username="bench-officer", is_staff=True)
    role_grant(user=officer, unit=province, kind=RoleKind.OFFICER)
    teacher = UserFactory(username="bench-teacher", is_staff=True)
    role_grant(user=teacher, unit=klass.get_parent(), kind=RoleKind.TEACHER)
    client = Client()
    client.force_login(officer)

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        return run
    q = f"?target={target.pk}"
    results["province dashboard"] = timed(get(f"/bao-cao/don-vi/{province.pk}/{q}"), 50)
    results["district drill-down"] = timed(get(f"/bao-cao/don-vi/{district.pk}/{q}"), 50)
    results["class not-yet-trained list"] = timed(
        get(f"/bao-cao/don-vi/{klass.pk}/chi-tieu/{target.pk}/chua-dat/"), 50)

    pending = list(TargetLearner.objects.filter(target=target, trained=False)
                   .values_list("learner_id", flat=True)[:60])
    samples, cpu = [], 0.0
    for learner_id in pending:
        CourseCompletion.objects.get_or_create(user_id=learner_id, course=ctx["course"],
                                               defaults={"completed_at": timezone.now()})
        t0, c0 = time.perf_counter(), time.process_time()
        with transaction.atomic():
            flipped = attainment_apply(learner_id)
        samples.append((time.perf_counter() - t0) * 1000)
        cpu += (time.process_time() - c0) * 1000
        assert flipped == 1
    samples = sorted(samples[5:])
    results["one completion: attainment_apply"] = (
        statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)],
        cpu / len(pending))
    teacher_client = Client()
    teacher_client.force_login(teacher)
    results["_class_url"] = f"/bao-cao/lop/{klass.pk}/"
    results["_cookie"] = teacher_client.cookies["sessionid"].value
    assert teacher_client.get(results["_class_url"]).status_code == 200
    return results


def wrk_class_view(url: str, cookie: str, duration: int) -> str:
    from django.db import connections
    connections.close_all()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "lms.wsgi:application", "-w", "2", "-b",
         f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=dict(os.environ),
        start_new_session=True)
    try:
        _wait_until_served(f"http://127.0.0.1:{port}{url}", cookie)  # workers booted and warm
        cpu0 = _tree_cpu(gunicorn.pid)
        out = subprocess.run(
            [WRK, "-t2", "-c10", f"-d{duration}s", "--latency", "-H",
             f"Cookie: sessionid={cookie}", f"http://127.0.0.1:{port}{url}"],
            capture_output=True, text=True, timeout=duration + 30).stdout
        cpu = _tree_cpu(gunicorn.pid) - cpu0
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=20)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"50%\s+(\S+)", out)
    total = re.search(r"(\d+) requests in", out)
    per_req = cpu * 1000 / int(total.group(1)) if total and int(total.group(1)) else 0
    return (f"{rps.group(1) if rps else '?'} req/s, p50 {p50.group(1) if p50 else '?'}, "
            f"gunicorn CPU {per_req:.1f} ms/req (≈ {2000 / per_req if per_req else 0:.0f} req/s "
            f"on 2 idle cores){', NON-2xx: ' + non2xx.group(1) if non2xx else ''}")


def _wait_until_served(url: str, cookie: str, seconds: float = 120) -> None:
    import urllib.request
    deadline, ok = time.monotonic() + seconds, 0
    while time.monotonic() < deadline and ok < 20:
        try:
            request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
            with urllib.request.urlopen(request, timeout=10) as response:
                ok += response.status == 200
        except OSError:
            time.sleep(0.5)
    if ok < 20:
        raise RuntimeError(f"gunicorn did not serve {url} in {seconds}s")


def _tree_cpu(pid: int) -> float:
    """User+system CPU seconds of a process and its direct children (Linux /proc)."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--learners", type=int, default=1_000_000)
    ap.add_argument("--lessons", type=int, default=10)
    ap.add_argument("--schools", type=int, default=2000)
    ap.add_argument("--provinces", type=int, default=10)
    ap.add_argument("--duration", type=int, default=15)
    ap.add_argument("--reuse", action="store_true",
                    help="measure again on the database a previous run built")
    args = ap.parse_args()
    db_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    if not db_url.startswith("postgres"):
        sys.exit("bench/reports.py needs PostgreSQL (DATABASE_URL=postgres://…)")
    if args.reuse:
        setup_django(db_url)
        ctx, compute = existing(), float("nan")
    else:
        recreate_database(db_url)
        setup_django(db_url)
        ctx = build(args)
        compute = compute_target(ctx["target"], args.learners)
    results = measure(ctx, args)
    url, cookie = results.pop("_class_url"), results.pop("_cookie")
    class_view = wrk_class_view(url, cookie, args.duration)
    print(f"\nHọcMở reports — {args.learners:,} learners, {args.learners * args.lessons:,} "
          f"progress rows, PostgreSQL")
    print(f"{'figure':<36} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8}")
    for name, (p50, p95, cpu) in results.items():
        print(f"{name:<36} {p50:8.1f} {p95:8.1f} {cpu:8.1f}")
    print(f"{'target computed (once)':<36} {compute:8.1f} s")
    print(f"class view, 40 learners (wrk -t2 -c10): {class_view}")
    print("goals: dashboard and drill-down ≤ 100 ms warm; incremental ≤ 20 ms; "
          "class view ≥ 400 req/s")


if __name__ == "__main__":
    main()
