#!/usr/bin/env python3
"""SCORM runtime: commits per second and the SCORM lesson page's req/s, on gunicorn (2 workers)
under production settings (issue 21: ≥ 300 commits/s; the lesson page within issue 18's lesson
goal).

    .venv/bin/python bench/scorm_commit.py [--duration 10] [--connections 8] [--reuse]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hocmo_bench \
        .venv/bin/python bench/scorm_commit.py --reuse

Steps: migrate, load_demo (which adds the SCORM demo lecture to the digital-skills course),
collectstatic (dev settings, eager Celery, like bench/course_page.py); find the demo SCORM
lesson, its package and SCO in-process; make --learners demo-like learners
(`bench-scorm-NN`, enrolled in the course; kept for --reuse); start gunicorn; sign each
learner in over HTTP and start their SCO session (one `initialized` commit, seq 1); then wrk:
- commits: POST /scorm/commit/<lesson>/<package>/, each request as one of the learners in
  turn (its own session cookie and X-CSRFToken; wrk thread t takes learners t, t+threads, …),
  a SCORM 1.2 cmi as scorm-again autocommits it (location moving with the page,
  suspend_data, two interactions, score, session time) with that learner's next `seq`: the
  common place-saving commit of a class where every learner writes only their own attempt.
  The Lua counts answers with "stored": true (a learner's commit overtaken by their own later
  one, possible only when a connection lags a whole round behind, is a 200 not stored);
- the lesson page: GET as the first learner.
Prints the settings, req/s, p50/p95/p99, non-2xx, gunicorn CPU per request, SQL per commit
(one warm commit in-process through the whole middleware stack, the server's settings), the
load average, and PASS/FAIL per goal. Gunicorn is always stopped; the temp dir removed.
"""

# ruff: noqa: S603, S310 - fixed argv of local tools; URLs are always http://127.0.0.1

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import cookie_header, django_setup, sign_in  # noqa: E402
from serving import (  # noqa: E402
    PROXY_HEADERS,
    ROOT,
    T_COLLECTSTATIC,
    T_LOAD_DEMO,
    T_MIGRATE,
    WRK,
    WRK_LUA,
    BenchError,
    Browser,
    Gunicorn,
    bench_lock,
    build_env,
    free_port,
    log,
    manage,
    mask_url,
    settings_summary,
    setup_env,
)

GOAL_COMMITS_PER_S = 300
GOAL_LESSON_P95_MS = 25  # issue 18's enrolled-lesson p95

# Appended to serving.WRK_LUA (its response()/done() count non-2xx and print percentiles).
# SCORM_LEARNERS: one line per learner, "cookie<TAB>csrf token<TAB>seq of the session's
# Initialize commit"; thread t sends as learners t, t + threads, … in turn, each with that
# learner's own increasing seq (from that one + 1) and location.
COMMIT_LUA = (Path(__file__).resolve().parent / "scorm_commit.lua").read_text()
THREADS = 2
LEARNER_PREFIX = "bench-scorm-"


@dataclass
class Target:
    lesson_url: str
    course_url: str
    enrol_url: str
    commit_url: str
    sco: str
    version: str
    course_id: int


def find_target() -> Target:
    """The live lesson with the demo SCORM block, its package and first SCO (in-process)."""
    from django.urls import reverse

    from courses.models import LessonPage

    for lesson in LessonPage.objects.live().order_by("path"):
        for block in lesson.body:
            if not block.block_type.startswith("scorm"):
                continue
            package = block.value.get("package")
            if package is None:
                continue
            course = lesson.get_parent()
            return Target(
                lesson_url=lesson.get_url(), course_url=course.get_url(),
                enrol_url=reverse("courses:enrol", args=[course.pk]),
                commit_url=reverse("scorm_runtime:commit", args=[lesson.pk, package.pk]),
                sco=package.scos[0]["identifier"], version=package.version,
                course_id=course.pk)
    raise BenchError("no live lesson with a SCORM block: did load_demo add the demo lecture?")


def commit_body(target: Target) -> str:
    """A mid-lecture SCORM 1.2 commit as scorm-again renders it (seq filled in by wrk)."""
    suspend = json.dumps({"page": 3, "seen": [1, 2, 3], "answers": {}, "score": None})
    cmi = {
        "suspend_data": suspend + " " * 200,
        "core": {"lesson_location": "PAGE_PLACEHOLDER", "lesson_status": "incomplete",
                 "exit": "",
                 "session_time": "00:02:15.00",
                 "score": {"raw": "", "min": "0", "max": "100"}},
        "interactions": {
            "0": {"id": "cau-1-mat-khau", "type": "choice", "time": "10:15:00",
                  "student_response": "c", "result": "correct",
                  "correct_responses": {"0": {"pattern": "c"}}},
            "1": {"id": "cau-2-tin-nhan-la", "type": "choice", "time": "10:15:20",
                  "student_response": "b", "result": "wrong",
                  "correct_responses": {"0": {"pattern": "a"}}},
        },
    }
    if target.version == "2004":
        cmi = {"location": "PAGE_PLACEHOLDER", "suspend_data": cmi["suspend_data"],
               "completion_status": "incomplete", "session_time": "PT2M15S"}
    body = json.dumps({"attempt": 1, "sco": target.sco, "seq": 0, "cmi": cmi})
    return body.replace('"seq": 0', '"seq": SEQ_PLACEHOLDER')


def make_learners(target: Target, count: int, password: str) -> list[str]:
    """`count` demo-like learners enrolled in the SCORM course (in-process, dev settings' setup
    database; made once, kept for --reuse)."""
    from django.contrib.auth import get_user_model

    from courses.models import CoursePage
    from courses.services import enrolment_create

    user_model = get_user_model()
    course = CoursePage.objects.get(pk=target.course_id)
    names = []
    for number in range(1, count + 1):
        name = f"{LEARNER_PREFIX}{number:02d}"
        user, created = user_model.objects.get_or_create(
            username=name, defaults={"first_name": "Học sinh", "last_name": f"Bench {number}"})
        if created:
            user.set_password(password)
            user.save()
        enrolment_create(user=user, course=course)
        names.append(name)
    return names


def commit_headers(learner: Browser, target: Target) -> dict:
    return {"Content-Type": "application/json", "X-CSRFToken": learner.cookie("csrftoken") or "",
            "Referer": learner.origin + target.lesson_url, "Origin": learner.origin}


def start_session(learner: Browser, target: Target) -> int:
    """The SCO's Initialize commit for the learner's attempt to continue (seq = the saved one
    + 1): wrk then sends that session's autocommits, as a class in mid-lecture does. Returns
    the seq used."""
    status, _, _, saved = learner.request(target.commit_url.replace("/commit/", "/state/"))
    if status != 200:
        raise BenchError(f"GET state -> {status}")
    state = json.loads(saved)
    seq = int(state["seq"]) + 1
    body = json.dumps({"attempt": int(state["attempt"]), "sco": target.sco, "seq": seq,
                       "initialized": True, "cmi": {}}).encode()
    req = urllib.request.Request(learner.base + target.commit_url, data=body, headers={
        **learner.proxy_headers, **commit_headers(learner, target)})
    with learner.opener.open(req, timeout=15) as resp:
        if resp.status != 200 or not json.loads(resp.read())["stored"]:
            raise BenchError(f"initialize commit -> {resp.status}, not stored")
    return seq


def sql_per_commit(target: Target, cookie: str, csrf: str, seq: int) -> list[str]:
    """SQL of a warm place-saving commit in-process (the 2nd of two: this process's memory
    filled, as a worker's under load), whole middleware stack, the server's settings."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from serving import HOST

    client = Client(HTTP_HOST=HOST, headers={**PROXY_HEADERS, "X-CSRFToken": csrf})
    for part in filter(None, (p.strip() for p in cookie.split(";"))):
        name, _, value = part.partition("=")
        client.cookies[name] = value
    template = commit_body(target).replace("PAGE_PLACEHOLDER", "7")
    queries: list[str] = []
    for step in (1, 2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(target.commit_url,
                                   template.replace("SEQ_PLACEHOLDER", str(seq + step)),
                                   content_type="application/json", secure=True)
        if response.status_code != 200:
            raise BenchError(f"in-process commit -> {response.status_code}")
        queries = [q["sql"] for q in ctx.captured_queries]
    return queries


def wrk(url: str, lua: Path, *, cookie: str | None, headers: dict, duration: int,
        connections: int, env: dict | None = None) -> dict:
    cmd = [WRK, f"-t{THREADS}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout",
           "5s", "-s", str(lua)]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    for name, value in {**PROXY_HEADERS, **headers}.items():
        cmd += ["-H", f"{name}: {value}"]
    cmd.append(url)
    with bench_lock():
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60,
                              env={**os.environ, **(env or {})})
    found = re.search(r"^BENCH_RESULT (.*)$", proc.stdout, re.M)
    if proc.returncode != 0 or not found:
        raise BenchError(f"wrk failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    result: dict[str, float] = {k: int(v) for k, v in
                                (kv.split("=") for kv in found.group(1).split())}
    stored = re.search(r"^BENCH_STORED stored=(\d+)", proc.stdout, re.M)
    result["stored"] = int(stored.group(1)) if stored else -1
    result["rps"] = result["requests"] / max(result["duration_us"] / 1e6, 1e-9)
    return result


def line(label: str, result: dict, cpu_ms: float) -> str:
    return (f"{label:<22} {result['rps']:8.1f} req/s  p50 {result['p50_us'] / 1000:6.1f} ms  "
            f"p95 {result['p95_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms  "
            f"non-2xx {result['non2xx']} (first {result['first_bad']})  "
            f"CPU {cpu_ms:.2f} ms/req")


def main() -> int:  # noqa: PLR0915 - one linear script
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--learners", type=int, default=32,
                    help="enrolled learners writing their own attempts (≥ connections)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=0, help="gunicorn's port (default: a free one)")
    ap.add_argument("--reuse", action="store_true", help="DATABASE_URL already holds the demo")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = ap.parse_args()
    if not Path(WRK).exists():
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="hocmo-scorm-bench-"))
    env = build_env(tmp)
    server: Gunicorn | None = None
    try:
        log(f"temp dir {tmp}; database {mask_url(env['DATABASE_URL'])}")
        setup = setup_env(env)
        manage(setup, "migrate", "--noinput", timeout=T_MIGRATE)
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
            cache.clear()  # the bench's own Redis database
        target = find_target()
        log(f"SCORM lesson {target.lesson_url}; commit {target.commit_url}; SCO {target.sco}")

        names = make_learners(target, max(args.learners, args.connections),
                              settings.HOCMO_DEMO_PASSWORD)
        connections.close_all()

        server = Gunicorn(env, args.port or free_port(), args.workers, tmp / "gunicorn.log")
        server.start()
        learners_file = tmp / "learners.tsv"
        lines = []
        learners = []
        for name in names:
            learner = sign_in(server.base, _login_urls(), name, settings.HOCMO_DEMO_PASSWORD)
            seq = start_session(learner, target)
            learners.append(learner)
            lines.append(f"{cookie_header(learner)}\t{learner.cookie('csrftoken') or ''}\t{seq}")
        learners_file.write_text("\n".join(lines) + "\n")
        first = learners[0]
        status, _, _, _ = first.request(target.lesson_url)
        if status != 200:
            raise BenchError(f"GET {target.lesson_url} as learner -> {status}")
        body = tmp / "commit.json"
        body.write_text(commit_body(target))
        commit_lua = tmp / "commit.lua"
        commit_lua.write_text(WRK_LUA + COMMIT_LUA)
        page_lua = tmp / "page.lua"
        page_lua.write_text(WRK_LUA)
        shared_headers = {k: v for k, v in commit_headers(first, target).items()
                          if k != "X-CSRFToken"}

        load_before = os.getloadavg()[0]
        cpu0 = server.cpu_seconds()
        commits = wrk(server.base + target.commit_url, commit_lua, cookie=None,
                      headers=shared_headers, duration=args.duration,
                      connections=args.connections,
                      env={"SCORM_BODY": str(body), "SCORM_LEARNERS": str(learners_file),
                           "SCORM_THREADS": str(THREADS)})
        cpu1 = server.cpu_seconds()
        lesson = wrk(server.base + target.lesson_url, page_lua, cookie=cookie_header(first),
                     headers={}, duration=args.duration, connections=args.connections)
        cpu2 = server.cpu_seconds()
        load_after = os.getloadavg()[0]
        server.stop()
        sql = sql_per_commit(target, cookie_header(first), first.cookie("csrftoken") or "",
                             seq=int(time.time() * 1000))

        print()
        print(f"SCORM runtime — gunicorn -w {args.workers}, wrk -t{THREADS} "
              f"-c{args.connections} -d{args.duration}s, {len(names)} learners, "
              f"{os.cpu_count()} CPUs, load {load_before:.1f} → {load_after:.1f}, "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print(f"  {settings_line}")
        print(line("commits", commits, 1000 * (cpu1 - cpu0) / max(commits["requests"], 1)))
        print(f"{'':<22} stored {commits['stored']} of {commits['requests']}; "
              f"SQL per warm place-saving commit: {len(sql)}")
        for statement in sql:
            print(f"{'':<24}{' '.join(statement.split())[:110]}")
        print(line("SCORM lesson page", lesson, 1000 * (cpu2 - cpu1) / max(lesson["requests"], 1)))
        ok_commits = commits["rps"] >= GOAL_COMMITS_PER_S and commits["non2xx"] == 0
        ok_lesson = lesson["p95_us"] / 1000 <= GOAL_LESSON_P95_MS and lesson["non2xx"] == 0
        print(f"goal commits ≥ {GOAL_COMMITS_PER_S}/s, no non-2xx: "
              f"{'PASS' if ok_commits else 'FAIL'}")
        print(f"goal lesson page p95 ≤ {GOAL_LESSON_P95_MS} ms: {'PASS' if ok_lesson else 'FAIL'}")
        return 1 if args.strict and not (ok_commits and ok_lesson) else 0
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        if server is not None:
            print(server.tail(), file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _login_urls():
    """sign_in() reads only .login from bench/pages.Urls."""
    from types import SimpleNamespace

    from django.urls import reverse

    return SimpleNamespace(login=reverse("accounts:login"))


if __name__ == "__main__":
    sys.exit(main())
