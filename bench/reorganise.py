#!/usr/bin/env python3
"""Benchmark a reorganisation at scale on PostgreSQL: move a school of 2,000 learners to another
province through `lms.units.services.unit_move` and time it until the counters are right, while
a second thread keeps loading the destination province's dashboard.

    .venv/bin/python bench/reorganise.py [--learners 1000000] [--reuse]

Builds (unless --reuse) a fresh database named by DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/hocmo_tree_bench) with bench/reports.py's COPY builder:
ministry → 10 provinces → 10 districts each → 500 schools of 50 classes × 40 learners
(2,000 learners a school at 1 M), profiles, roles, enrolments, 2 lessons' progress and
completions. Three targets, all computed with INSERT … SELECT + the real `counters_recount`:
the ministry's (1 M learners) and one at each of provinces 1 and 2.

Then two runs: run 1 moves a school of district 1-1 under province 2's department; run 2
moves it back. For each: the wall time of the service call (the counters are right when it
returns: it reconciles inside its transaction), a check of every affected unit's figures against
an independent SQL count over the raw roles and completions, and the destination dashboard's
latency (in-process Django test Client, its own DB connection) during the move.
Goals: counters right ≤ 5 s; dashboard ≤ 100 ms during the move. "cpu s" is this Python
process's CPU time for the move (robust on a shared machine; the rest is PostgreSQL and waiting).
"""

# ruff: noqa: S608 - SQL built from integers and paths this script generated

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/hocmo_tree_bench"


def _reports_bench():
    spec = importlib.util.spec_from_file_location("bench_reports", ROOT / "bench" / "reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rb = _reports_bench()
log = rb.log


def _setup_reusing_static(db_url: str) -> None:
    """bench/reports.py's setup, minus collectstatic when a manifest is already there: it
    re-compresses every file (minutes of CPU on the shared box) and the move never needs it."""
    if not (ROOT / "static_collected" / "staticfiles.json").exists():
        rb.setup_django(db_url)
        return
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    import django

    django.setup()


def province_target(province, course):
    """A course-rule target at one province, rows by INSERT … SELECT, counters by the real
    counters_recount (the rebuild's own aggregation)."""
    from django.db import connection

    from lms.reports.models import Target, TrainedRule
    from lms.reports.services.rebuild import counters_recount

    target = Target.objects.create(
        code=f"KN-{province.pk}", name=f"Khởi nghiệp — {province.name}", unit=province,
        rule=TrainedRule.COURSE, threshold=80, period_label="2025-2026",
        period_start="2025-08-01", period_end="2026-12-31")
    target.courses.set([course])
    target.refresh_from_db()
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO reports_targetlearner (target_id, learner_id, unit_id, sex, minority,"
            " ethnicity, household, school_level, trained, trained_at)"
            " SELECT %s, r.user_id, r.unit_id, p.sex, NULLIF(p.ethnicity, '') <> '01',"
            " p.ethnicity, p.household_status, 'upper_secondary', c.id IS NOT NULL,"
            " c.completed_at FROM units_role r JOIN accounts_learnerprofile p"
            " ON p.user_id = r.user_id LEFT JOIN courses_coursecompletion c"
            " ON c.user_id = r.user_id AND c.course_id = %s"
            " WHERE r.kind = 'learner' AND r.ended_at IS NULL AND r.unit_path LIKE %s",
            [target.pk, course.pk, province.path + "%"])
    counters_recount(target)
    return target


def oracle(target, unit) -> tuple[int, int]:
    """(population, trained) of `target` at `unit` straight from roles and completions."""
    from django.db import connection

    top = target.unit
    course_id = target.courses.get().pk
    with connection.cursor() as cur:
        cur.execute(
            "SELECT count(*), count(c.id) FROM units_role r LEFT JOIN courses_coursecompletion c"
            " ON c.user_id = r.user_id AND c.course_id = %s WHERE r.kind = 'learner'"
            " AND r.ended_at IS NULL AND r.unit_path LIKE %s AND r.unit_path LIKE %s",
            [course_id, unit.path + "%", top.path + "%"])
        population, trained = cur.fetchone()
    return population, trained


def figure(target, unit) -> tuple[int, int]:
    from django.db.models import Sum

    from lms.reports.models import TargetUnitCounter

    sums = TargetUnitCounter.objects.filter(target=target, unit=unit).aggregate(
        p=Sum("population"), t=Sum("trained"))
    return sums["p"] or 0, sums["t"] or 0


class LockWatch(threading.Thread):
    """Samples pg_stat_activity every 10 ms (its own connection): how often the dashboard's
    backend was waiting on a lock (it never should: the move takes row locks and reads do not
    wait on them), and the strongest table lock any other backend of this database held."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.samples, self.lock_waits, self.modes = 0, 0, set()

    def run(self) -> None:
        from django.db import connection

        try:
            with connection.cursor() as cur:
                while not self.stop.is_set():
                    cur.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                                [self.pid])
                    row = cur.fetchone()
                    self.samples += 1
                    self.lock_waits += bool(row and row[0] == "Lock")
                    cur.execute("SELECT DISTINCT l.mode FROM pg_locks l JOIN pg_class c"
                                " ON c.oid = l.relation WHERE l.pid <> pg_backend_pid()"
                                " AND c.relkind = 'r' AND l.granted AND l.database ="
                                " (SELECT oid FROM pg_database"
                                " WHERE datname = current_database())")
                    self.modes |= {m for (m,) in cur.fetchall()}
                    time.sleep(0.01)
        finally:
            connection.close()


class DashboardLoad(threading.Thread):
    """GETs a dashboard in a loop until stopped; records each latency (ms)."""

    def __init__(self, url: str, user) -> None:
        super().__init__(daemon=True)
        self.url, self.user, self.samples = url, user, []
        self.stop, self.ready = threading.Event(), threading.Event()
        self.backend_pid = 0

    def run(self) -> None:
        from django.db import connection
        from django.test import Client

        client = Client()
        client.force_login(self.user)
        for _ in range(3):
            client.get(self.url)
        self.backend_pid = connection.connection.info.backend_pid
        self.ready.set()
        try:
            while not self.stop.is_set():
                t0 = time.perf_counter()
                response = client.get(self.url)
                self.samples.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, response.status_code
        finally:
            connection.close()


def one_run(label, school, destination, targets, officer) -> dict:
    from django.db import connection

    from lms.units.models import Unit
    from lms.units.services import unit_move

    before = Unit.objects.get(pk=school.pk)
    old_above = list(Unit.objects.filter(path__in=before.ancestor_paths()[:-1]))
    load = DashboardLoad(f"/bao-cao/don-vi/{destination.pk}/?target={targets[2].pk}", officer)
    load.start()
    load.ready.wait(120)
    idle = len(load.samples)
    time.sleep(1.0)
    idle_samples = load.samples[idle:]
    watch = LockWatch(load.backend_pid)
    watch.start()
    during_from = len(load.samples)
    t0, cpu0 = time.perf_counter(), time.process_time()
    unit_move(unit=before, new_parent=destination)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    during = load.samples[during_from:]
    watch.stop.set()
    watch.join(30)
    time.sleep(0.5)
    load.stop.set()
    load.join(30)
    moved = Unit.objects.get(pk=school.pk)
    new_above = list(Unit.objects.filter(path__in=moved.ancestor_paths()[:-1]))
    checks, wrong = 0, []
    for target in targets:
        for unit in {u.pk: u for u in [*old_above, *new_above, moved]}.values():
            if not unit.path.startswith(target.unit.path):
                continue
            checks += 1
            if figure(target, unit) != oracle(target, unit):
                wrong.append((target.code, unit.name, figure(target, unit), oracle(target, unit)))
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM units_role r JOIN units_unit u ON u.id = r.unit_id"
                    " WHERE r.unit_path <> u.path")
        stale_roles = cur.fetchone()[0]
    result = {"label": label, "seconds": seconds, "cpu": cpu, "checks": checks, "wrong": wrong,
              "stale_roles": stale_roles, "during": during, "idle": idle_samples,
              "lock_waits": watch.lock_waits, "lock_samples": watch.samples,
              "modes": sorted(watch.modes)}
    log(f"{label}: {seconds:.2f}s, {checks} figures checked, {len(wrong)} wrong, "
        f"{stale_roles} stale role paths, {len(during)} dashboard loads during the move, "
        f"dashboard waiting on a lock in {watch.lock_waits}/{watch.samples} samples; "
        f"table locks held: {', '.join(sorted(watch.modes))}")
    return result


def pct(samples, q) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--learners", type=int, default=1_000_000)
    ap.add_argument("--reuse", action="store_true",
                    help="run again on the database a previous run built")
    args = ap.parse_args()
    args.lessons, args.provinces = 2, 10
    args.schools = max(10, args.learners // 2000)  # 2,000 learners a school
    db_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    if not db_url.startswith("postgres"):
        sys.exit("bench/reorganise.py needs PostgreSQL (DATABASE_URL=postgres://…)")
    t0 = time.monotonic()
    if args.reuse:
        _setup_reusing_static(db_url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # the code may have moved on since the build
        ctx = rb.existing()
    else:
        rb.recreate_database(db_url)
        rb.setup_django(db_url)
        ctx = rb.build(args)
        rb.compute_target(ctx["target"], args.learners)
    build_seconds = time.monotonic() - t0

    from django.db import connection

    from lms.reports.models import Target
    from lms.units.models import RoleKind, Unit
    from lms.units.services import role_grant
    from tests.factories import UserFactory

    provinces = [Unit.objects.get(pk=pk) for pk in ctx["provinces"][:2]]
    targets = [ctx["target"]]
    for province in provinces:
        existing = Target.objects.filter(code=f"KN-{province.pk}").first()
        targets.append(existing or province_target(province, ctx["course"]))
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    log(f"database ready in {time.monotonic() - t0:.0f}s")
    officer = (UserFactory._meta.model.objects.filter(username="bench-tree-admin").first()
               or UserFactory(username="bench-tree-admin", is_superuser=True, is_staff=True))
    role_grant(user=officer, unit=Unit.objects.get(depth=1), kind=RoleKind.OFFICER)
    district = Unit.objects.get(pk=ctx["districts"][0])
    school = Unit.objects.filter(path__startswith=district.path, depth=district.depth + 1
                                 ).order_by("path").first()
    assert school is not None
    learners = Unit.objects.filter(pk=school.pk).first()
    size = (UserFactory._meta.model.objects.filter(
        roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True,
        roles__unit_path__startswith=school.path).distinct().count())
    log(f"moving {learners.name}: {size} learners")
    runs = [one_run("run 1: district 1-1 → province 2", school, provinces[1], targets, officer),
            one_run("run 2: back to district 1-1", school, district, targets, officer)]

    print(f"\nHọcMở reorganisation — {args.learners:,} learners, PostgreSQL, "
          f"school of {size:,} learners; database built in {build_seconds:.0f}s")
    print(f"{'run':<36} {'move s':>7} {'cpu s':>6} {'checks':>7} {'wrong':>6} {'dash p50':>9} "
          f"{'dash p95':>9} {'dash max':>9} {'n':>4} {'idle p50':>9}")
    for r in runs:
        during = r["during"]
        print(f"{r['label']:<36} {r['seconds']:7.2f} {r['cpu']:6.2f} {r['checks']:7d} "
              f"{len(r['wrong']):6d} "
              f"{statistics.median(during) if during else float('nan'):9.1f} "
              f"{pct(during, 0.95):9.1f} {max(during) if during else float('nan'):9.1f} "
              f"{len(during):4d} {statistics.median(r['idle']) if r['idle'] else 0:9.1f}")
        for wrong in r["wrong"]:
            print("  WRONG", wrong)
        print(f"  dashboard backend waiting on a lock: {r['lock_waits']}/{r['lock_samples']}"
              f" samples; table lock modes seen: {', '.join(r['modes'])}")
        if r["stale_roles"]:
            print(f"  {r['stale_roles']} roles with a stale unit_path")
    print("goals: counters right ≤ 5 s after the call starts (they are right when it returns); "
          "dashboard ≤ 100 ms during the move")


if __name__ == "__main__":
    main()
