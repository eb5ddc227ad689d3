#!/usr/bin/env python3
"""Time to build and queue the weekly parent digest for 100,000 parents on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hocmo_families \\
        .venv/bin/python bench/digest.py [--parents 100000] [--chunk 2000]

First run seeds (COPY) N parents, each linked to one learner enrolled in a 4-lesson course with
some progress this week (a third also choose SMS); later runs reuse it. Each run empties the
notification tables, then times `digest_build_and_queue()` with tasks queued to Redis DB 13
(no worker; flushed afterwards), sampling the process RSS every 0.2 s to show memory stays
flat (the digest is streamed in keyset-paginated chunks). Goal: ≤ 60 s.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REDIS = "redis://127.0.0.1:6379/13"


def _redis_ok() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS, socket_timeout=1).ping())
    except Exception:  # noqa: BLE001
        return False


def setup_django() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"  # no query log growing in memory
    broker = REDIS if _redis_ok() else "memory://localhost/"
    os.environ["CELERY_BROKER_URL"] = broker
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    import django

    django.setup()
    return broker


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    buffer.seek(0)
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(buffer.read())


def seed(n: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from courses.models import CourseCompletion, Enrolment, LessonProgress
    from lms.accounts.models import GuardianLink, User
    from lms.notifications.models import Preference
    from tests.factories import course_with_lessons

    have = User.objects.filter(username__startswith="bench-ph-").count()
    if have >= n:
        print(f"seed: reusing {have} parents")
        return
    if have:
        sys.exit(f"seed: {have} bench parents exist but {n} wanted; use a fresh database")
    started = time.perf_counter()
    course, lessons = course_with_lessons(4, title="Kỹ năng số cơ bản", slug="bench-digest")
    now = timezone.now()
    user_cols = ["password", "is_superuser", "username", "first_name", "last_name", "email",
                 "is_staff", "is_active", "date_joined", "full_name", "phone",
                 "preferred_language"]
    with transaction.atomic(), connection.cursor() as cur:
        raw = cur.cursor
        base_id = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        rows = []
        for i in range(n):
            rows.append(("!", "f", f"bench-hs-{i}", "", "", "", "f", "t", now,
                         "Nguyễn Văn Minh", None, "vi"))
            rows.append(("!", "f", f"bench-ph-{i}", "", "", f"ph{i}@example.vn", "f", "t", now,
                         f"Trần Thị Mẹ {i}", f"09{i:08d}", "vi"))
        copy_rows(raw, User._meta.db_table, user_cols, rows)
        ids = dict(User.objects.filter(username__startswith="bench-").values_list("username",
                                                                                   "pk"))
        del base_id
        copy_rows(raw, GuardianLink._meta.db_table, ["guardian_id", "learner_id", "created_at"],
                  ((ids[f"bench-ph-{i}"], ids[f"bench-hs-{i}"], now) for i in range(n)))
        copy_rows(raw, Enrolment._meta.db_table,
                  ["user_id", "course_id", "source", "created_at", "last_activity_at"],
                  ((ids[f"bench-hs-{i}"], course.pk, "self", now, now) for i in range(n)))
        progress = []
        for i in range(n):
            for j, lesson in enumerate(lessons[: 1 + i % 4]):
                done = now if j < i % 4 else None
                progress.append((ids[f"bench-hs-{i}"], lesson.pk, course.pk,
                                 100 if done else 40, now, now, done, 300 + 60 * j, "page"))
        copy_rows(raw, LessonProgress._meta.db_table,
                  ["user_id", "lesson_id", "course_id", "percent", "started_at",
                   "last_activity_at", "completed_at", "time_spent_seconds", "source"], progress)
        copy_rows(raw, CourseCompletion._meta.db_table, ["user_id", "course_id", "completed_at"],
                  ((ids[f"bench-hs-{i}"], course.pk, now) for i in range(0, n, 10)))
        copy_rows(raw, Preference._meta.db_table,
                  ["user_id", "in_app", "email", "sms", "zalo", "zalo_user_id", "weekly_digest",
                   "quiet_start", "quiet_end"],
                  ((ids[f"bench-ph-{i}"], "t", "t", "t", "f", "", "t", 0, 0)
                   for i in range(0, n, 3)))
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(f"seed: {n} parents, {n} learners, {len(progress)} progress rows "
          f"in {time.perf_counter() - started:.1f} s")


def run(chunk: int, broker: str) -> None:
    from django.db import connection

    from lms.notifications.digest import digest_build_and_queue
    from lms.notifications.models import Delivery, Notification

    with connection.cursor() as cur:
        cur.execute(f"TRUNCATE {Delivery._meta.db_table}, {Notification._meta.db_table} CASCADE")
    samples: list[float] = []
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(rss_mb())
            time.sleep(0.2)

    before = rss_mb()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    totals = digest_build_and_queue(chunk=chunk)
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    quarter = max(len(samples) // 4, 1)
    print(f"digest: {totals['notifications']} notifications, {totals['deliveries']} deliveries, "
          f"{totals['tasks']} tasks queued ({broker})")
    print(f"time to build and queue: {elapsed:.1f} s  "
          f"({totals['notifications'] / elapsed:,.0f} parents/s)  goal ≤ 60 s: "
          f"{'OK' if elapsed <= 60 else 'MISSED'}")
    print(f"RSS MB: before {before:.0f}, first quarter max {max(samples[:quarter]):.0f}, "
          f"last quarter max {max(samples[-quarter:]):.0f}, peak {max(samples):.0f}")
    sms = Notification.objects.filter(event="weekly_digest").values_list("sms_text",
                                                                         flat=True).first()
    print(f"sample SMS ({len(sms)} chars): {sms}")
    if broker.startswith("redis"):
        import redis

        redis.Redis.from_url(REDIS).flushdb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parents", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=2000)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://... (the benchmark is for PostgreSQL).")
    broker = setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seed(args.parents)
    run(args.chunk, broker)


if __name__ == "__main__":
    main()
