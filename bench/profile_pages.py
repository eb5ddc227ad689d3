#!/usr/bin/env python3
"""Where the milliseconds of bench/course_page.py's pages go: each page requested N times
in-process (Django test Client through the whole middleware stack) under pyinstrument, with
the server's settings (production by default: Redis cache, cached_db sessions, DEBUG off).

    DATABASE_URL=postgres://… .venv/bin/python bench/profile_pages.py [-n 300] [--only class_grid]
        [--html DIR] [--time]

Pages (--only): anon_course, learner_lesson, class_grid, grid_json, teacher_class, dashboard
(the demo's province officer canbo.so on their Sở's dashboard).

The database must hold the demo (bench/course_page.py --keep, or `manage.py load_demo`).
Prints per page: ms per request (wall, in-process), SQL per request, and pyinstrument's tree
trimmed to the frames that take ≥ 3 % of the time. pyinstrument is a dev extra."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import LEARNER, TEACHER, django_setup, find_urls  # noqa: E402
from serving import HOST, PROXY_HEADERS, build_env, settings_summary  # noqa: E402

OFFICER = "canbo.so"  # the demo's province officer (Sở GD&ĐT Hải Phòng)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=300, help="requests per page (300)")
    ap.add_argument("--only", default="", help="comma-separated page keys")
    ap.add_argument("--dev-settings", action="store_true")
    ap.add_argument("--html", default="", help="also write pyinstrument HTML pages here")
    ap.add_argument("--time", action="store_true",
                    help="no profiler: this process's CPU ms per request only (to compare "
                    "two checkouts on a busy machine)")
    ap.add_argument("--cpu", action="store_true",
                    help="cProfile on this process's CPU time instead (a busy machine's waits "
                    "for PostgreSQL and Redis left out): the 25 costliest functions")
    args = ap.parse_args()
    if not os.environ.get("DATABASE_URL"):
        print("export DATABASE_URL (a database holding the demo)", file=sys.stderr)
        return 1
    from pyinstrument import Profiler

    env = build_env(Path(tempfile.gettempdir()), production=not args.dev_settings)
    django_setup(env)
    from django.db import connection, reset_queries
    from django.test import Client

    from lms.accounts.models import User

    print(settings_summary())
    urls = find_urls()
    anon = Client(HTTP_HOST=HOST, headers=PROXY_HEADERS)
    learner = Client(HTTP_HOST=HOST, headers=PROXY_HEADERS)
    learner.force_login(User.objects.get(username=LEARNER))
    teacher = Client(HTTP_HOST=HOST, headers=PROXY_HEADERS)
    teacher.force_login(User.objects.get(username=TEACHER))
    plan = {"anon_course": (anon, urls.course), "learner_lesson": (learner, urls.lesson),
            "class_grid": (teacher, urls.grid), "grid_json": (teacher, urls.grid_json),
            "teacher_class": (teacher, urls.teacher_class),
            "dashboard": officer_dashboard()}
    only = set(filter(None, args.only.split(",")))
    for key, (client, path) in plan.items():
        if only and key not in only:
            continue
        for _ in range(3):  # warm: caches filled, as in a worker under load
            status = client.get(path).status_code
        if status != 200:
            print(f"{key} {path} -> {status}", file=sys.stderr)
            return 1
        connection.force_debug_cursor = True
        reset_queries()
        client.get(path)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        if args.cpu:
            cpu_profile(key, path, client, args.n)
            continue
        if args.time:
            started = time.process_time()
            for _ in range(args.n):
                client.get(path)
            ms = (time.process_time() - started) * 1000 / args.n
            print(f"{key:<16} {ms:6.2f} ms CPU/request in-process, {queries} SQL")
            continue
        profiler = Profiler(interval=0.0002)
        started = time.perf_counter()
        profiler.start()
        for _ in range(args.n):
            client.get(path)
        profiler.stop()
        ms = (time.perf_counter() - started) * 1000 / args.n
        print(f"\n=== {key} {path}: {ms:.2f} ms/request in-process, {queries} SQL")
        print(profiler.output_text(unicode=True, color=False, show_all=False,
                                   time="percent_of_total", flat=False,
                                   processor_options={"filter_threshold": 0.03}))
        if args.html:
            Path(args.html).mkdir(parents=True, exist_ok=True)
            Path(args.html, f"{key}.html").write_text(profiler.output_html())
    return 0


def officer_dashboard():
    """The demo's province officer (canbo.so, Sở GD&ĐT Hải Phòng) and their unit's dashboard:
    the officer's dashboard of issue 18 (figures cached, both feature panels shown)."""
    from django.test import Client
    from django.urls import reverse

    from lms.accounts.models import User
    from lms.units.capabilities import Capability
    from lms.units.permissions import home_units

    officer = User.objects.get(username=OFFICER)
    client = Client(HTTP_HOST=HOST, headers=PROXY_HEADERS)
    client.force_login(officer)
    unit = home_units(officer, Capability.VIEW_REPORTS)[0]
    return client, reverse("reports:dashboard", args=[unit.pk])


def cpu_profile(key: str, path: str, client, n: int) -> None:
    import cProfile
    import pstats

    profile = cProfile.Profile(time.process_time)
    started = time.process_time()
    profile.enable()
    for _ in range(n):
        client.get(path)
    profile.disable()
    ms = (time.process_time() - started) * 1000 / n
    print(f"\n=== {key} {path}: {ms:.2f} ms CPU/request in-process (cProfile on)")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    sys.exit(main())
