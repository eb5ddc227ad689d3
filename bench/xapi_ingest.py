#!/usr/bin/env python3
"""xAPI ingest throughput: statements/s posted one at a time and in batches of 10 and 100, with
the store already holding 1 M statements, on PostgreSQL behind gunicorn (2 workers).

    .venv/bin/python bench/xapi_ingest.py [--duration 15] [--connections 8] [--prefill 1000000]
        [--with-context]

DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/hocmo_xapi (created if missing).
Steps: migrate; pre-fill the statement table to --prefill rows with one INSERT … SELECT over
generate_series (server-side, no round trips; idempotent: only the missing rows are added);
create an HTTP Basic client; start gunicorn; run wrk with a Lua script that POSTs the same body
(statements without ids, so each request stores new ones) for each batch size. Prints the table
and the goals. Gunicorn is always stopped.
"""

# ruff: noqa: S603, S608 - fixed argv of local tools; SQL built from constants only

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python")
GUNICORN = str(VENV_BIN / "gunicorn")
WRK = shutil.which("wrk") or "/usr/bin/wrk"
HOST = "127.0.0.1"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/hocmo_xapi"
# Issue 20: the figures measured before the conformance work must hold.
GOALS = {1: 771, 10: None, 100: 5967}

WRK_LUA = r"""
wrk.method = "POST"
wrk.body = io.open(os.getenv("XAPI_BODY")):read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Experience-API-Version"] = "1.0.3"
wrk.headers["Authorization"] = os.getenv("XAPI_AUTH")
function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.timeout))
end
"""

PREFILL_SQL = """
INSERT INTO xapi_statement (id, actor_key, verb_id, activity_id, registration, voided,
                            stored, timestamp, content_hash, payload, object_agent_key)
SELECT md5(i::text || 'hocmo')::uuid,
       'mbox:mailto:hocvien' || (i % 200000) || '@example.vn',
       'http://adlnet.gov/expapi/verbs/'
         || (ARRAY['experienced','answered','completed'])[1 + i % 3],
       'https://hocmo.vn/hoat-dong/' || (i % 5000),
       NULL, false,
       now() - make_interval(secs => {total} - i), now() - make_interval(secs => {total} - i),
       md5(i::text),
       jsonb_build_object(
         'id', md5(i::text || 'hocmo')::uuid,
         'actor', jsonb_build_object('mbox', 'mailto:hocvien' || (i % 200000) || '@example.vn'),
         'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/' ||
                 (ARRAY['experienced','answered','completed'])[1 + i % 3]),
         'object', jsonb_build_object('objectType', 'Activity',
                   'id', 'https://hocmo.vn/hoat-dong/' || (i % 5000)),
         'result', jsonb_build_object('score', jsonb_build_object('scaled', (i % 100) / 100.0)),
         'version', '1.0.0'),
       ''
FROM generate_series({start}, {stop}) AS i
ON CONFLICT DO NOTHING
"""


def log(msg: str) -> None:
    print(f"[bench] {msg}", flush=True)


def env_for(database_url: str, media: Path) -> dict:
    env = dict(os.environ)
    env.update({"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "DJANGO_DEBUG": "false",
                "DATABASE_URL": database_url, "DJANGO_MEDIA_ROOT": str(media),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1",
                "CELERY_TASK_ALWAYS_EAGER": "true"})
    return env


def manage(env: dict, *args: str, timeout: int = 900) -> str:
    log("manage.py " + " ".join(args))
    proc = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.exit(f"manage.py {args[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return proc.stdout


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            log(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def prefill(url: str, target: int) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        have = conn.execute("SELECT count(*) FROM xapi_statement").fetchone()[0]
        if have >= target:
            log(f"store holds {have:,} statements (≥ {target:,}): no pre-fill needed")
            return have
        log(f"pre-filling {target - have:,} statements (INSERT … SELECT generate_series)")
        started = time.monotonic()
        chunk = 250_000
        for start in range(have + 1, target + 1, chunk):
            stop = min(start + chunk - 1, target)
            conn.execute(PREFILL_SQL.format(start=start, stop=stop, total=target))
            log(f"  … {stop:,}")
        conn.execute("ANALYZE xapi_statement")
        have = conn.execute("SELECT count(*) FROM xapi_statement").fetchone()[0]
        log(f"pre-fill done in {time.monotonic() - started:.0f}s: {have:,} statements")
        return have


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def body_for(batch: int, with_context: bool = False) -> str:
    one = {"actor": {"objectType": "Agent", "mbox": "mailto:bench@example.vn"},
           "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"vi": "trả lời"}},
           "object": {"objectType": "Activity", "id": "https://hocmo.vn/bench/cau-hoi-1",
                      "definition": {"name": {"vi": "Câu hỏi 1"}}},
           "result": {"score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10},
                      "success": True, "completion": True, "duration": "PT12S"},
           "context": {"platform": "HọcMở bench", "language": "vi"}}
    if with_context:  # like H5P's statements: each context activity becomes a relation row
        one["context"]["contextActivities"] = {
            "parent": [{"id": "https://hocmo.vn/bench/bai-hoc-1"}],
            "category": [{"id": "http://h5p.org/libraries/H5P.TrueFalse-1.8"}]}
    return json.dumps(one if batch == 1 else [one] * batch, ensure_ascii=False)


def run_wrk(base: str, auth: str, batch: int, duration: int, connections: int, tmp: Path,
            with_context: bool = False):
    body = tmp / f"body-{batch}.json"
    body.write_text(body_for(batch, with_context), encoding="utf-8")
    script = tmp / "post.lua"
    script.write_text(WRK_LUA)
    env = dict(os.environ, XAPI_BODY=str(body), XAPI_AUTH=auth)
    cmd = [WRK, "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency",
           "-s", str(script), f"{base}/xapi/statements"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 60)
    match = re.search(r"BENCH requests=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) "
                      r"errors=(\d+)", out.stdout)
    if not match:
        sys.exit(f"wrk failed:\n{out.stdout}\n{out.stderr}")
    requests, duration_us, p50, p95, errors = (int(g) for g in match.groups())
    rps = requests / (duration_us / 1e6)
    return {"batch": batch, "requests": requests, "req_s": rps, "stmt_s": rps * batch,
            "p50_ms": p50 / 1000, "p95_ms": p95 / 1000, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--prefill", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4,
                        help="threads per gunicorn worker (gthread): commits overlap")
    parser.add_argument("--with-context", action="store_true",
                        help="statements carry contextActivities (parent, category) as H5P's do")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_DB
    if not url.startswith("postgres"):
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://…).")
    tmp = Path(tempfile.mkdtemp(prefix="xapi-bench-"))
    env = env_for(url, tmp / "media")
    ensure_database(url)
    manage(env, "migrate", "--noinput")
    before = prefill(url, args.prefill)
    out = manage(env, "xapi_client_create", "bench", "--scope", "statements/write")
    key = re.search(r"key=(\S+)", out).group(1)
    secret = re.search(r"secret=(\S+)", out).group(1)
    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    port = free_port()
    base = f"http://{HOST}:{port}"
    logfile = open(tmp / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    gunicorn = subprocess.Popen(
        [GUNICORN, "lms.wsgi:application", "-w", str(args.workers), "-b", f"{HOST}:{port}",
         "--worker-class", "gthread", "--threads", str(args.threads),
         "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True)
    results = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/xapi/about", timeout=5).read()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or gunicorn.poll() is not None:
                    sys.exit("gunicorn did not start; see " + str(tmp / "gunicorn.log"))
                time.sleep(0.5)
        # Warm-up: each worker verifies the secret once (slow hasher), then remembers it.
        run_wrk(base, auth, 1, 3, args.connections, tmp)
        for batch in (1, 10, 100):
            log(f"wrk: batches of {batch}, {args.duration}s, {args.connections} connections")
            results.append(run_wrk(base, auth, batch, args.duration, args.connections, tmp,
                                   args.with_context))
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(timeout=30)
        logfile.close()
    import psycopg

    with psycopg.connect(url) as conn:
        after = conn.execute("SELECT count(*) FROM xapi_statement").fetchone()[0]
    print(f"\nxAPI ingest — PostgreSQL, gunicorn {args.workers} workers × {args.threads} threads, "
          f"wrk 2 threads × "
          f"{args.connections} connections, {args.duration}s each; store held {before:,} "
          f"statements, now {after:,}")
    print(f"{'batch':>6} {'requests/s':>11} {'statements/s':>13} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'errors':>7}  goal")
    for r in results:
        goal = GOALS.get(r["batch"])
        verdict = "" if goal is None else (f"≥ {goal}: " + ("OK" if r["stmt_s"] >= goal
                                                              else "MISSED"))
        print(f"{r['batch']:>6} {r['req_s']:>11.1f} {r['stmt_s']:>13.1f} {r['p50_ms']:>8.1f} "
              f"{r['p95_ms']:>8.1f} {r['errors']:>7}  {verdict}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
