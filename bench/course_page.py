#!/usr/bin/env python3
"""Benchmark the two hottest pages of HọcMở under gunicorn, with wrk, on loopback only.

    .venv/bin/python bench/course_page.py [--quick] [--duration 20] [--connections 16]
                                          [--threads 2] [--workers 2] [--strict]

Steps: fresh temporary SQLite database (or the DATABASE_URL you exported), migrate, load_demo,
collectstatic; gunicorn on a free 127.0.0.1 port; log in as the demo learner through the real
login form and enrol in "Khởi nghiệp cho học sinh"; then wrk against
  (a) the anonymous course page    /khoa-hoc/khoi-nghiep-cho-hoc-sinh/
  (b) the learner's first lesson   /khoa-hoc/khoi-nghiep-cho-hoc-sinh/<lesson>/  (session cookie)
and count SQL queries per page in-process (Django test Client + CaptureQueriesContext, warm
request). Prints a table and the goals. Gunicorn and temp files are always cleaned up.
Stdlib only, plus Django from the project's venv for the in-process part.
"""

# ruff: noqa: S603, S310 - fixed argv of local tools; URLs are always http://127.0.0.1

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import (  # noqa: E402  (shared HTTP-bench pieces, next to this script)
    HOST,
    ROOT,
    T_COLLECTSTATIC,
    T_HTTP,
    T_LOAD_DEMO,
    T_MIGRATE,
    WRK,
    WRK_LUA,
    BenchError,
    Browser,
    Gunicorn,
    NoRedirect,
    Page,
    build_env,
    csrf_from,
    free_port,
    log,
    manage,
    mask_url,
)

COURSE_SLUG = "khoi-nghiep-cho-hoc-sinh"
COURSE_TITLE = "Khởi nghiệp cho học sinh"
COURSE_PATH = f"/khoa-hoc/{COURSE_SLUG}/"
LEARNER = "hocsinh"

GOALS = {  # page key -> minimum req/s
    "anon_course": 1400,
    "learner_lesson": 700,
}
GOAL_P95_MS = 25.0
GOAL_MAX_QUERIES = 4

# Timeouts (seconds) for every external step: nothing in here can hang for ever.
def login_and_enrol(base: str, password: str, course_id: int, lesson_path: str) -> Browser:
    b = Browser(base)
    status, _, _, html = b.request("/tai-khoan/dang-nhap/")
    if status != 200 or not b.cookie("csrftoken"):
        raise BenchError(f"GET /tai-khoan/dang-nhap/ -> {status}, csrftoken cookie missing")
    status, url, _, html = b.request("/tai-khoan/dang-nhap/", {
        "csrfmiddlewaretoken": csrf_from(html), "username": LEARNER, "password": password,
        "next": ""})
    if not b.cookie("sessionid"):
        raise BenchError(f"login as {LEARNER} failed: {status} {url}\n{html[:800]!r}")
    log(f"logged in as {LEARNER} (landed on {urllib.parse.urlparse(url).path}, {status})")

    # Enrol with the CSRF token of the course page's forms, as a learner would. The demo already
    # enrols the learner's class, so the page may show "Học tiếp" instead of the enrol button;
    # the view is idempotent and still redirects to the first lesson.
    status, _, _, html = b.request(COURSE_PATH)
    if status != 200:
        raise BenchError(f"GET {COURSE_PATH} as {LEARNER} -> {status}")
    action = f"/ghi-danh/{course_id}/"
    had_form = action.encode() in html
    status, url, _, html = b.request(action, {"csrfmiddlewaretoken": csrf_from(html)},
                                     headers={"Referer": base + COURSE_PATH})
    landed = urllib.parse.urlparse(url).path
    log(f"POST {action}: {status}, redirected to {landed}"
        + ("" if had_form else " (was already enrolled: the demo enrols the learner's class)"))
    if status != 200:
        raise BenchError(f"enrol POST failed: {status} {url}")
    if landed != lesson_path:
        log(f"WARNING: enrol redirected to {landed}, expected first lesson {lesson_path}")
    return b


def measure_bytes(base: str, page: Page) -> None:
    headers = {"Accept-Encoding": "gzip"}
    if page.cookie:
        headers["Cookie"] = page.cookie
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(base + page.path, headers=headers)
    try:
        with opener.open(req, timeout=T_HTTP) as resp:
            status, hdrs, raw = resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        status, hdrs, raw = exc.code, dict(exc.headers), exc.read()
    if status != 200:
        raise BenchError(f"{page.path} -> {status} (expected 200; Location={hdrs.get('Location')})")
    page.headers = hdrs
    if hdrs.get("Content-Encoding", "").lower() == "gzip":
        page.gzip_bytes = len(raw)
        page.body_bytes = len(gzip.decompress(raw))
    else:
        page.body_bytes = len(raw)
        page.gzip_would_be = len(gzip.compress(raw, 6))


# --- wrk --------------------------------------------------------------------------------------

def run_wrk(base: str, page: Page, lua: Path, *, threads: int, connections: int,
            duration: int) -> dict:
    cmd = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
           "--timeout", "5s", "-s", str(lua), "-H", "Accept-Encoding: gzip"]
    if page.cookie:
        cmd += ["-H", f"Cookie: {page.cookie}"]
    cmd.append(base + page.path)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"wrk did not finish within {duration + 60}s") from exc
    m = re.search(r"^BENCH_RESULT (.*)$", proc.stdout, re.M)
    if proc.returncode != 0 or not m:
        raise BenchError(f"wrk failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    result = {k: int(v) for k, v in (kv.split("=") for kv in m.group(1).split())}
    rps = re.search(r"Requests/sec:\s*([\d.]+)", proc.stdout)
    result["rps"] = (float(rps.group(1)) if rps else
                     result["requests"] / max(result["duration_us"] / 1e6, 1e-9))
    result["raw"] = proc.stdout
    return result


# --- SQL queries, in-process -------------------------------------------------------------------

def django_setup(env: dict) -> None:
    for key in ("DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL",
                "DJANGO_MEDIA_ROOT"):
        os.environ[key] = env[key]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def find_course() -> tuple[int, str]:
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.live().filter(slug=COURSE_SLUG).first()
    if course is None:
        course = CoursePage.objects.live().filter(title=COURSE_TITLE).first()
    if course is None:
        raise BenchError(f"course {COURSE_TITLE!r} not found after load_demo")
    first = LessonPage.objects.live().child_of(course).order_by("path").first()
    if first is None:
        raise BenchError(f"course {COURSE_TITLE!r} has no live lesson")
    return course.pk, f"{COURSE_PATH}{first.slug}/"


def count_queries(page: Page) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    for part in filter(None, (p.strip() for p in page.cookie.split(";"))):
        name, _, value = part.partition("=")
        client.cookies[name] = value
    runs = []
    for _ in range(2):  # the first fills this process's caches; the second is measured
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.path)
        runs.append((response.status_code, [q["sql"] for q in ctx.captured_queries]))
    (_, cold), (status, warm) = runs
    page.cold_queries, page.cold_sql = len(cold), cold
    page.queries, page.sql, page.query_status = len(warm), warm, status
    if status != 200:
        raise BenchError(f"in-process GET {page.path} -> {status}")


# --- report -----------------------------------------------------------------------------------

def table(pages: list[Page]) -> str:
    head = ["page", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "queries", "bytes"]
    rows = []
    for p in pages:
        w = p.wrk
        size = f"{p.body_bytes}" + (f" (gz {p.gzip_bytes})" if p.gzip_bytes is not None else "")
        rows.append([p.label, f"{w['rps']:.0f}", f"{w['p50_us'] / 1000:.1f}",
                     f"{w['p95_us'] / 1000:.1f}", f"{w['p99_us'] / 1000:.1f}",
                     str(w["non2xx"]), str(p.queries), size])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = " | ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    lines = [fmt.format(*head), "-+-".join("-" * w for w in widths)]
    lines += [fmt.format(*r) for r in rows]
    return "\n".join(lines)


def goals(pages: list[Page]) -> tuple[str, bool]:
    lines, ok_all = [], True
    for p in pages:
        checks = [
            (f"req/s ≥ {GOALS[p.key]}", p.wrk["rps"] >= GOALS[p.key], f"{p.wrk['rps']:.0f}"),
            (f"p95 ≤ {GOAL_P95_MS:.0f} ms", p.wrk["p95_us"] / 1000 <= GOAL_P95_MS,
             f"{p.wrk['p95_us'] / 1000:.1f} ms"),
            (f"queries ≤ {GOAL_MAX_QUERIES}", (p.queries or 0) <= GOAL_MAX_QUERIES, str(p.queries)),
            ("non-2xx = 0", p.wrk["non2xx"] == 0 and p.wrk["err_status"] == 0,
             str(p.wrk["non2xx"])),
        ]
        for name, ok, got in checks:
            ok_all &= ok
            lines.append(f"  {'PASS' if ok else 'FAIL'}  {p.label}: {name} (got {got})")
    return "\n".join(lines), ok_all


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=20, help="seconds per wrk run (20)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    ap.add_argument("--quick", action="store_true", help="5 s runs, short warm-up")
    ap.add_argument("--warmup", type=int, default=None, help="seconds of wrk warm-up (3; 1 quick)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (debugging)")
    args = ap.parse_args()
    duration = 5 if args.quick else args.duration
    warmup = args.warmup if args.warmup is not None else (1 if args.quick else 3)
    if not Path(WRK).exists():
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="hocmo-bench-"))
    env = build_env(tmp)
    server: Gunicorn | None = None
    started = time.monotonic()
    try:
        log(f"temp dir {tmp}; database {mask_url(env['DATABASE_URL'])}")
        load_before = os.getloadavg()
        manage(env, "migrate", "--noinput", timeout=T_MIGRATE)
        manage(env, "load_demo", timeout=T_LOAD_DEMO)
        manage(env, "collectstatic", "--noinput", "-v", "0", timeout=T_COLLECTSTATIC)

        django_setup(env)
        from django.conf import settings
        from django.db import connections

        course_id, lesson_path = find_course()
        connections.close_all()  # nothing held open while gunicorn serves
        log(f"course id {course_id}; first lesson {lesson_path}")

        server = Gunicorn(env, free_port(), args.workers, tmp / "gunicorn.log")
        server.start()
        log(f"gunicorn answering on {server.base}")

        browser = login_and_enrol(server.base, settings.HOCMO_DEMO_PASSWORD, course_id,
                                  lesson_path)
        cookie = f"sessionid={browser.cookie('sessionid')}"
        if browser.cookie("csrftoken"):  # a browser sends both
            cookie += f"; csrftoken={browser.cookie('csrftoken')}"

        pages = [
            Page("anon_course", "anonymous course page", COURSE_PATH),
            Page("learner_lesson", "learner lesson page", lesson_path, cookie=cookie),
        ]
        lua = tmp / "bench.lua"
        lua.write_text(WRK_LUA)
        for page in pages:
            if page.cookie:
                _, _, _, html = browser.request(page.path)
                if "Hoàn thành bài học".encode() not in html and "✓".encode() not in html:
                    log("WARNING: lesson page does not show the enrolled learner's progress form")
            log(f"warm-up {page.path} ({warmup}s wrk)")
            run_wrk(server.base, page, lua, threads=args.threads,
                    connections=args.connections, duration=warmup)
            measure_bytes(server.base, page)
            log(f"wrk -t{args.threads} -c{args.connections} -d{duration}s {page.path}")
            cpu_before = server.cpu_seconds()
            page.wrk = run_wrk(server.base, page, lua, threads=args.threads,
                               connections=args.connections, duration=duration)
            page.cpu_ms_per_req = ((server.cpu_seconds() - cpu_before) * 1000
                                   / max(page.wrk["requests"], 1))

        load_after = os.getloadavg()
        server.stop()
        for page in pages:
            count_queries(page)
        connections.close_all()

        print()
        print(f"HọcMở course pages — gunicorn -w {args.workers}, wrk -t{args.threads} "
              f"-c{args.connections} -d{duration}s, {os.cpu_count()} CPUs, "
              f"{'SQLite (temp)' if env['DATABASE_URL'].startswith('sqlite') else 'DATABASE_URL'}")
        print(table(pages))
        cpus = os.cpu_count() or 1
        print(f"  load average before setup {load_before[0]:.2f}, after the runs "
              f"{load_after[0]:.2f} (1 min, {cpus} CPUs)")
        if load_before[0] > cpus / 2:
            print("  WARNING: the machine was busy before the run; numbers are not comparable")
        for p in pages:
            notes = [f"gunicorn CPU {p.cpu_ms_per_req:.2f} ms/req "
                     f"(≈ {1000 * args.workers / max(p.cpu_ms_per_req, 1e-9):.0f} req/s "
                     f"ceiling with {args.workers} free cores)",
                     f"Content-Encoding: {p.headers.get('Content-Encoding', 'none')}"]
            if p.gzip_would_be is not None:
                notes.append(f"gzip -6 would be {p.gzip_would_be} B")
            if "X-Page-Cache" in p.headers:
                notes.append(f"X-Page-Cache: {p.headers['X-Page-Cache']}")
            if p.wrk["first_bad"]:
                notes.append(f"first non-2xx status {p.wrk['first_bad']}")
            errs = {k: p.wrk[k] for k in ("err_connect", "err_read", "err_write", "err_timeout")
                    if p.wrk[k]}
            if errs:
                notes.append(f"socket errors {errs}")
            notes.append(f"cold-cache queries {p.cold_queries}")
            print(f"  {p.label}: " + "; ".join(notes))
        print("\nGoals:")
        text, ok = goals(pages)
        print(text)
        for p in pages:
            print(f"\nSQL, {p.label} {p.path} — warm request, {p.queries} queries:")
            for i, sql in enumerate(p.sql, 1):
                print(f"  {i}. {sql}")
        print(f"\nTotal time {time.monotonic() - started:.0f}s")
        return 1 if (args.strict and not ok) else 0
    except BenchError as exc:
        print(f"\nBENCH FAILED: {exc}", file=sys.stderr)
        if server is not None:
            print(f"--- gunicorn log ---\n{server.tail()}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        if "django.db" in sys.modules:
            from django.db import connections

            with contextlib.suppress(Exception):
                connections.close_all()
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
