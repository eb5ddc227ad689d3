#!/usr/bin/env python3
"""Benchmark HọcMở's pages people wait on, under production settings, with wrk, on loopback only,
against the peers (wagtail-lms, Kolibri) loaded in the same run.

    .venv/bin/python bench/course_page.py [--quick] [--only anon_course,class_grid] [--reuse] …

Steps: fresh temporary SQLite database (or the DATABASE_URL you exported; --reuse: it already
holds the demo), migrate, load_demo, collectstatic (dev settings, eager Celery); gunicorn on a
free 127.0.0.1 port with lms.settings.production (DEBUG off, Redis cache, cached_db sessions,
WhiteNoise, https proxy header); sign in as the demo learner and enrol, sign in as the teacher;
then per page a warm-up and wrk: the anonymous course page, the learner's first lesson, the
class grid, its JSON, the teacher's class view, the province officer's dashboard (canbo.so) —
each after the peer page it is compared with (the dashboard with Kolibri's class summary, as
the grid). --port or HOCMO_BENCH_PORT picks gunicorn's port. URLs come from reverse() and the
demo's objects; SQL per page counted in-process (warm request). Prints the settings used, a
table, worker RSS and the goals. Gunicorn, the peers it started and temp files are cleaned up.
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
from course_page_goals import GOAL_WORKER_RSS_MIB, goals, table  # noqa: E402
from pages import (  # noqa: E402
    LEARNER,
    OFFICER,
    TEACHER,
    cookie_header,
    count_queries,
    django_setup,
    enrol,
    find_urls,
    sign_in,
)
from peers import Peer, kolibri, peers_dir, wagtail_lms  # noqa: E402
from serving import (  # noqa: E402  (shared HTTP-bench pieces, next to this script)
    PROXY_HEADERS,
    ROOT,
    T_COLLECTSTATIC,
    T_HTTP,
    T_LOAD_DEMO,
    T_MIGRATE,
    WRK,
    WRK_LUA,
    BenchError,
    Gunicorn,
    NoRedirect,
    Page,
    bench_lock,
    build_env,
    free_port,
    log,
    manage,
    mask_url,
    settings_summary,
    setup_env,
)


def measure_bytes(base: str, page: Page) -> None:
    proxy = {} if page.base else PROXY_HEADERS  # a peer serves plain http
    headers = {"Accept-Encoding": "gzip", **proxy, **page.extra_headers}
    if page.cookie:
        headers["Cookie"] = page.cookie
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request((page.base or base) + page.path, headers=headers)
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
    for name, value in {**({} if page.base else PROXY_HEADERS), **page.extra_headers}.items():
        cmd += ["-H", f"{name}: {value}"]
    if page.cookie:
        cmd += ["-H", f"Cookie: {page.cookie}"]
    cmd.append((page.base or base) + page.path)
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


# --- report -----------------------------------------------------------------------------------

def measure(base: str, page: Page, lua: Path, args, server: Gunicorn | None) -> None:
    """Warm-up, then the measured wrk run, holding the machine-wide bench lock."""
    with bench_lock():
        log(f"warm-up {page.label} {page.path} ({args.warmup}s wrk)")
        run_wrk(base, page, lua, threads=args.threads, connections=args.connections,
                duration=args.warmup)
        measure_bytes(base, page)
        log(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s {page.path}")
        cpu_before = server.cpu_seconds() if server else 0.0
        page.wrk = run_wrk(base, page, lua, threads=args.threads,
                           connections=args.connections, duration=args.duration)
        if server is not None:
            page.cpu_ms_per_req = ((server.cpu_seconds() - cpu_before) * 1000
                                   / max(page.wrk["requests"], 1))


def start_peers(wanted: bool) -> list[Peer]:
    folder = peers_dir() if wanted else None
    if folder is None:
        if wanted:
            log("no peers folder (set HOCMO_PEERS_DIR): ratios are skipped")
        return []
    peers = []
    for make, sub in ((wagtail_lms, "wagtail_lms"), (kolibri, "kolibri")):
        try:
            peers.append(make(folder / sub))
        except BenchError as exc:
            log(f"peer {sub} skipped: {exc}")
    for peer in peers:
        if peer.note:
            log(f"peer {peer.name} skipped: {peer.note}")
    return peers


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=20, help="seconds per wrk run (20)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    ap.add_argument("--port", type=int, default=0,
                    help="gunicorn's port (a free one when 0; a fixed one on a shared machine)")
    ap.add_argument("--quick", action="store_true", help="5 s runs, short warm-up")
    ap.add_argument("--warmup", type=int, default=None, help="seconds of wrk warm-up (3; 1 quick)")
    ap.add_argument("--dev-settings", action="store_true",
                    help="lms.settings.dev (locmem cache) instead of production settings")
    ap.add_argument("--no-peers", action="store_true", help="skip wagtail-lms and Kolibri")
    ap.add_argument("--only", default="", help="comma-separated page keys to load")
    ap.add_argument("--reuse", action="store_true",
                    help="the exported DATABASE_URL already holds the demo: no load_demo "
                    "(nor collectstatic when static_collected/ has its manifest)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (debugging)")
    args = ap.parse_args()
    if args.quick:
        args.duration = 5
    if args.warmup is None:
        args.warmup = 1 if args.quick else 3
    if not Path(WRK).exists():
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 1
    if args.reuse and not os.environ.get("DATABASE_URL"):
        print("--reuse needs DATABASE_URL", file=sys.stderr)
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="hocmo-bench-"))
    env = build_env(tmp, production=not args.dev_settings)
    server: Gunicorn | None = None
    peers: list[Peer] = []
    started = time.monotonic()
    try:
        log(f"temp dir {tmp}; database {mask_url(env['DATABASE_URL'])}")
        load_before = os.getloadavg()
        setup = setup_env(env)
        manage(setup, "migrate", "--noinput", timeout=T_MIGRATE)  # nothing to do: seconds
        if not args.reuse:
            manage(setup, "load_demo", timeout=T_LOAD_DEMO)
        if not (args.reuse and (ROOT / "static_collected" / "staticfiles.json").exists()):
            manage(setup, "collectstatic", "--noinput", "-v", "0", timeout=T_COLLECTSTATIC)

        django_setup(env)
        from django.conf import settings
        from django.core.cache import cache
        from django.db import connections

        settings_line = settings_summary()
        log(settings_line)
        if "redis" in settings.CACHES["default"]["BACKEND"].lower():
            cache.clear()  # the bench's own Redis database: no entry from an earlier run
        urls = find_urls()
        connections.close_all()  # nothing held open while gunicorn serves
        log(f"course {urls.course}; first lesson {urls.lesson}; class {urls.class_id}")

        peers = start_peers(not args.no_peers)
        # --port or HOCMO_BENCH_PORT: a port of your own on a shared machine (else any free one).
        port = args.port or int(os.environ.get("HOCMO_BENCH_PORT") or 0) or free_port()
        server = Gunicorn(env, port, args.workers, tmp / "gunicorn.log")
        server.start()
        log(f"gunicorn answering on {server.base}")

        learner = sign_in(server.base, urls, LEARNER, settings.HOCMO_DEMO_PASSWORD)
        enrol(learner, urls)
        teacher = sign_in(server.base, urls, TEACHER, settings.HOCMO_DEMO_PASSWORD)
        officer = sign_in(server.base, urls, OFFICER, settings.HOCMO_DEMO_PASSWORD)
        lc, tc = cookie_header(learner), cookie_header(teacher)
        peer_pages = {p.key: p for peer in peers for p in peer.pages}
        # Each peer page just before the HọcMở page it is compared with.
        plan = [
            ("peer_course", None),
            ("anon_course", Page("anon_course", "anonymous course page", urls.course)),
            ("peer_lesson", None),
            ("learner_lesson", Page("learner_lesson", "learner's lesson", urls.lesson,
                                    cookie=lc)),
            ("peer_classsummary", None),
            ("class_grid", Page("class_grid", "class grid", urls.grid, cookie=tc)),
            ("grid_json", Page("grid_json", "class grid JSON", urls.grid_json, cookie=tc)),
            ("teacher_class", Page("teacher_class", "teacher's class view", urls.teacher_class,
                                   cookie=tc)),
            ("dashboard", Page("dashboard", "officer dashboard", urls.dashboard,
                               cookie=cookie_header(officer))),
        ]
        only = set(filter(None, args.only.split(",")))
        pages = []
        lua = tmp / "bench.lua"
        lua.write_text(WRK_LUA)
        for key, page in plan:
            page = page or peer_pages.get(key)
            if page is None or (only and key not in only and key.removeprefix("peer_") not in
                                {k.split("_")[-1] for k in only}):
                continue
            measure(server.base, page, lua, args, None if page.base else server)
            pages.append(page)

        load_after = os.getloadavg()
        rss = server.worker_rss_mib()
        peer_rss = {peer.name: peer.worker_rss_mib() for peer in peers}
        server.stop()
        for page in pages:
            if not page.base:
                count_queries(page)
        connections.close_all()

        print()
        print(f"HọcMở pages — gunicorn -w {args.workers}, wrk -t{args.threads} "
              f"-c{args.connections} -d{args.duration}s after a {args.warmup}s warm-up, "
              f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print(f"  {settings_line}")
        print(table(pages))
        cpus = os.cpu_count() or 1
        print(f"  load average before setup {load_before[0]:.2f}, after the runs "
              f"{load_after[0]:.2f} (1 min, {cpus} CPUs)")
        print(f"  HọcMở worker RSS after load: {', '.join(f'{r:.0f}' for r in rss)} MiB "
              f"(goal ≤ {GOAL_WORKER_RSS_MIB})"
              + "".join(f"; {n}: {', '.join(f'{r:.0f}' for r in v)} MiB"
                        for n, v in peer_rss.items() if v))
        for p in pages:
            notes = [f"Content-Encoding: {p.headers.get('Content-Encoding', 'none')}"]
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
            if p.cold_queries is not None:
                notes.append(f"cold-cache SQL {p.cold_queries}")
            print(f"  {p.label}: " + "; ".join(notes))
        print("\nGoals (issue 18):")
        text, ok = goals(pages)
        print(text)
        rss_ok = bool(rss) and max(rss) <= GOAL_WORKER_RSS_MIB
        print(f"  {'PASS' if rss_ok else 'FAIL'}  worker RSS ≤ {GOAL_WORKER_RSS_MIB} MiB "
              f"(got {max(rss, default=0):.0f})")
        for p in pages:
            if not p.base:
                print(f"\nSQL, {p.label} {p.path} — warm request, {p.queries} queries:")
                for i, sql in enumerate(p.sql, 1):
                    print(f"  {i}. {sql}")
        print(f"\nTotal time {time.monotonic() - started:.0f}s")
        return 1 if (args.strict and not (ok and rss_ok)) else 0
    except BenchError as exc:
        print(f"\nBENCH FAILED: {exc}", file=sys.stderr)
        if server is not None:
            print(f"--- gunicorn log ---\n{server.tail()}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        for peer in peers:
            with contextlib.suppress(BenchError, subprocess.TimeoutExpired):
                peer.stop()
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
