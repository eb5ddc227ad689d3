#!/usr/bin/env python3
"""The class gradebook at the size issue 23 names: a 45-learner class with 40 assignments
(every fifth set for 10 chosen learners), most learners' work handed in and marked.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a migrated database> \
        .venv/bin/python bench/gradebook.py [-n 50] [--settings lms.settings.test]

Builds the class inside one transaction, requests the teacher's gradebook page (in-process
Django test Client through the whole middleware stack) -n times after 3 warm-up requests,
prints p50/p95 wall ms, CPU ms per request and the SQL of one request, then rolls everything
back (the database is left as it was). Goal: ≤ 50 ms and ≤ 6 SQL."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class Rollback(Exception):
    pass


def build(learners: int, assignments: int):
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from lms.classroom.models import Assignment, Submission, SubmissionStatus
    from tests.factories import UnitFactory, UnitKindFactory, class_unit, learner_in, staff_at

    school = UnitFactory(name="Trường THPT Bench",
                         kind=UnitKindFactory(code="bench_school", is_school=True))
    unit = class_unit(school, "Lớp 12A1 bench")
    teacher = staff_at(unit)
    people = [learner_in(unit) for _ in range(learners)]
    now = timezone.now()
    rows = []
    for number in range(assignments):
        a = Assignment.objects.create(unit=unit, title=f"Bài tập {number + 1}",
                                      due_at=now + dt.timedelta(days=number - 30),
                                      for_everyone=number % 5 != 0, created_by=teacher)
        if not a.for_everyone:
            a.assignees.set(people[:10])
        for index, person in enumerate(people):
            if (index + number) % 7 == 0 or (not a.for_everyone and index >= 10):
                continue
            returned = (index + number) % 3 != 0
            rows.append(Submission(
                assignment=a, learner=person, text="x", submitted_at=now, late=index % 11 == 0,
                status=SubmissionStatus.RETURNED if returned else SubmissionStatus.SUBMITTED,
                score=Decimal(5 + (index + number) % 10 / 2) if returned else None,
                returned_at=now if returned else None))
    Submission.objects.bulk_create(rows)
    return unit, teacher, len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=50)
    ap.add_argument("--settings", default="lms.settings.test")
    ap.add_argument("--profile", action="store_true", help="cProfile: the 20 costliest calls")
    args = ap.parse_args()
    if not os.environ.get("DATABASE_URL"):
        print("export DATABASE_URL (a migrated database)", file=sys.stderr)
        return 1
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", args.settings)
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    try:
        with transaction.atomic():
            unit, teacher, handed = build(45, 40)
            client = Client()
            client.force_login(teacher)
            url = reverse("classroom:gradebook", args=[unit.pk])
            for _ in range(3):
                assert client.get(url).status_code == 200
            walls, cpus = [], []
            for _ in range(args.n):
                wall, cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(10):
                    client.get(url)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"gradebook 45 learners × 40 assignments ({handed} hand-ins), "
                  f"{len(response.content) // 1024} KB, {connection.vendor}")
            print(f"  wall p50 {statistics.median(walls):.1f} ms, "
                  f"p95 {sorted(walls)[int(len(walls) * 0.95) - 1]:.1f} ms; "
                  f"CPU {statistics.mean(cpus):.1f} ms/request; "
                  f"SQL {len(queries.captured_queries)}")
            for query in queries.captured_queries:
                print("   ", query["sql"][:150])
            raise Rollback
    except Rollback:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
