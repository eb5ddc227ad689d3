#!/usr/bin/env python3
"""Benchmark reports at scale on PostgreSQL.

    .venv/bin/python bench/reports.py [--learners 1000000] [--lessons 10] [--schools 2000]
                                      [--provinces 10] [--duration 15] [--reuse] [--profile]
                                      [--build-only]

Builds a fresh database named by DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/hocmo_dash_1m) with bench/reports_build.py: a copy of a
migrated template database, the unit tree (ministry → 10 provinces → districts → ~2,000
schools → 40-learner classes) by COPY, learners, profiles, class roles, enrolments,
`learners × lessons` progress rows and completions by INSERT … SELECT over generate_series;
then one target computed by the real rebuild up to 200,000 learners, or an equivalent
INSERT … SELECT plus the set-based `counters_write` above that.

Runs under the settings the environment names (the README's production table:
DJANGO_SETTINGS_MODULE=lms.settings.production, DJANGO_CACHE_URL=rediscache://…, cached_db
sessions, DEBUG off) and prints them. Prints p50/p95/CPU (in-process Django test Client) for
the province dashboard warm and cold (cache emptied before each request), a district
drill-down, a class's not-yet-trained list, one completion's incremental update
(`attainment_apply`); the SQL of a warm dashboard; requests/s of the province dashboard and of
a 40-learner class view under gunicorn (2 workers) + wrk (2 threads, 16 connections); with
`--profile`, a pyinstrument profile of warm and cold dashboards.
"""

# ruff: noqa: S603, S608, S310 - fixed argv of local tools; SQL from integers; URLs are 127.0.0.1

from __future__ import annotations

import argparse
import os
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
# The builder lives in bench/reports_build.py; bench/reorganise.py reaches it through this module.
from bench.reports_build import (  # noqa: E402, F401
    build,
    compute_target,
    copy,
    existing,
    log,
    recreate_database,
    setup_django,
    step,
)

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/hocmo_dash_1m"
WRK = shutil.which("wrk") or "/usr/bin/wrk"


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
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
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
    users = UserFactory._meta.model.objects
    officer = (users.filter(username="bench-officer").first()
               or UserFactory(username="bench-officer", is_staff=True))
    role_grant(user=officer, unit=province, kind=RoleKind.OFFICER)
    teacher = (users.filter(username="bench-teacher").first()
               or UserFactory(username="bench-teacher", is_staff=True))
    role_grant(user=teacher, unit=klass.get_parent(), kind=RoleKind.TEACHER)
    client = Client()
    client.force_login(officer)

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        return run
    q = f"?target={target.pk}"
    dashboard = f"/bao-cao/don-vi/{province.pk}/{q}"
    results["province dashboard, warm"] = timed(get(dashboard), 200)

    def cold():
        cache.clear()
        get(dashboard)()
    results["province dashboard, cold"] = timed(cold, 20)
    get(dashboard)()
    with CaptureQueriesContext(connection) as warm:
        get(dashboard)()
    results["_sql"] = [q["sql"] for q in warm]
    if args.profile:
        results["_profile"] = profile(get(dashboard), cold)
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
    results["_dashboard"] = (dashboard, client.cookies["sessionid"].value)
    assert teacher_client.get(results["_class_url"]).status_code == 200
    return results


def profile(warm, cold) -> str:
    """pyinstrument over 100 warm and 10 cold dashboards: where the milliseconds go."""
    from pyinstrument import Profiler

    out = []
    for label, fn, n in (("warm", warm, 100), ("cold", cold, 10)):
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(n):
            fn()
        profiler.stop()
        out.append(f"--- {label} dashboard × {n}\n" + profiler.output_text(
            unicode=True, color=False, show_all=False, short_mode=True))
    return "\n".join(out)


def settings_used() -> str:
    from django.conf import settings

    cache = settings.CACHES["default"]
    return (f"settings {os.environ.get('DJANGO_SETTINGS_MODULE')}, DEBUG {settings.DEBUG}, "
            f"cache {cache['BACKEND'].rsplit('.', 1)[-1]} {cache.get('LOCATION', '')}, "
            f"sessions {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}, "
            f"CONN_MAX_AGE {settings.DATABASES['default'].get('CONN_MAX_AGE')}")


def wrk_page(url: str, cookie: str, duration: int) -> str:
    from django.db import connections
    connections.close_all()
    port = int(os.environ.get("HOCMO_BENCH_PORT", "0"))  # a shared machine: one's own range
    if not port:
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
            [WRK, "-t2", "-c16", f"-d{duration}s", "--latency", "-H",
             f"Cookie: sessionid={cookie}", f"http://127.0.0.1:{port}{url}"],
            capture_output=True, text=True, timeout=duration + 30).stdout
        cpu = _tree_cpu(gunicorn.pid) - cpu0
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=20)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
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
    ap.add_argument("--profile", action="store_true",
                    help="print a pyinstrument profile of warm and cold dashboards")
    ap.add_argument("--build-only", action="store_true",
                    help="build the database (and compute the target), measure nothing")
    args = ap.parse_args()
    db_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    if not db_url.startswith("postgres"):
        sys.exit("bench/reports.py needs PostgreSQL (DATABASE_URL=postgres://…)")
    t0 = time.monotonic()
    if args.reuse:
        setup_django(db_url)
        ctx, compute = existing(), float("nan")
    else:
        recreate_database(db_url)
        log(f"database copied from the template in {time.monotonic() - t0:.0f}s")
        t1 = time.monotonic()
        setup_django(db_url)
        log(f"django set up (collectstatic) in {time.monotonic() - t1:.0f}s")
        ctx = build(args)
        compute = compute_target(ctx["target"], args.learners)
    built = time.monotonic() - t0
    if args.build_only:
        print(f"built {args.learners:,} learners in {built:.0f}s (target {compute:.0f}s); load "
              f"average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        return
    results = measure(ctx, args)
    url, cookie = results.pop("_class_url"), results.pop("_cookie")
    sql, report = results.pop("_sql"), results.pop("_profile", "")
    dashboard = wrk_page(*results.pop("_dashboard"), args.duration)
    class_view = wrk_page(url, cookie, args.duration)
    print(f"\nHọcMở reports — {args.learners:,} learners, {args.learners * args.lessons:,} "
          f"progress rows, PostgreSQL; {'reused' if args.reuse else 'built'} in {built:.0f}s; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(settings_used())
    print(f"{'figure':<36} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8}")
    for name, (p50, p95, cpu) in results.items():
        print(f"{name:<36} {p50:8.1f} {p95:8.1f} {cpu:8.1f}")
    print(f"{'target computed (once)':<36} {compute:8.1f} s")
    print(f"warm dashboard: {len(sql)} SQL")
    for statement in sql:
        print(f"  {statement[:160]}")
    print(f"province dashboard (wrk -t2 -c16): {dashboard}")
    print(f"class view, 40 learners (wrk -t2 -c16): {class_view}")
    print("goals: dashboard ≥ 400 req/s, ≤ 6 SQL, ≤ 5 ms CPU; drill-down ≤ 100 ms warm; "
          "incremental ≤ 20 ms; class view ≥ 400 req/s")
    if report:
        print(report)


if __name__ == "__main__":
    main()
