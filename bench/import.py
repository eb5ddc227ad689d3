#!/usr/bin/env python3
"""Benchmark the roster import: a 50,000-row vnEdu-style XLSX into PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hocmo_import_bench \
        .venv/bin/python bench/import.py [--rows 50000]

Steps: drop and re-create the database named in DATABASE_URL (PostgreSQL only; it must be a
scratch database), migrate, make a school with a school admin, write the XLSX (title rows, a
header row, 50,000 learners in 40 classes, guardians, dd/mm/yyyy dates), then time
  1. preview  (read + validate the whole file, no writes)
  2. commit   (the Celery task's body, run in-process: creates every learner)
  3. re-import of the same file (idempotent: every row unchanged, no writes)
Prints rows/s for each and the process's peak resident memory (ru_maxrss).
Goal: >= 2,000 rows/s for the commit, peak memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_ROWS_PER_S = 2000
GOAL_PEAK_MB = 300


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_database(url: str) -> None:
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if not name.startswith("hocmo_"):
        sys.exit(f"refusing to drop {name!r}: use a scratch database named hocmo_*")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(8)
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middle = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Ngọc", "Đức", "Thanh"]
    given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Nam", "Phương",
             "Quân", "Trang", "Tuấn", "Vy"]
    ethnic = ["Kinh"] * 8 + ["Tày", "Mường", "H'Mông", "Thái", "Khmer"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("DS")
    sheet.append(["SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG"])
    sheet.append(["DANH SÁCH HỌC SINH NĂM HỌC 2025-2026"])
    sheet.append(["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Lớp",
                  "Khối", "Hộ nghèo/cận nghèo", "Họ tên cha/mẹ", "SĐT", "Email"])
    for n in range(1, rows + 1):
        grade = 10 + n % 3
        sheet.append([
            n, f"HP{n:08d}",
            f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}",
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{2025 - 6 - grade}",
            rng.choice(["Nam", "Nữ"]), rng.choice(ethnic), f"{grade}A{n % 14 + 1}", grade,
            rng.choice(["", "", "", "", "Hộ nghèo", "Hộ cận nghèo"]),
            f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}",
            f"09{rng.randint(10000000, 99999999)}", "",
        ])
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/hocmo_import_bench "
                 "(PostgreSQL).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="hocmo-bench-media-"))
    fresh_database(url)

    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from lms.accounts.models import User
    from lms.roster.services import roster_commit, roster_import_create, roster_preview
    from lms.units.models import RoleKind, UnitKind
    from lms.units.services import role_grant, unit_create

    school_kind = UnitKind.objects.create(code="school", name="Trường", is_school=True)
    UnitKind.objects.create(code="class", name="Lớp", is_class=True)
    province = unit_create(parent=None, kind=UnitKind.objects.create(code="so", name="Sở"),
                           name="Sở GD&ĐT Hải Phòng")
    school = unit_create(parent=province, kind=school_kind, name="THPT Ngô Quyền")
    admin = User.objects.create(username="hieutruong", full_name="Đỗ Thị Mai")
    role_grant(user=admin, unit=school, kind=RoleKind.SCHOOL_ADMIN)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "danh-sach.xlsx"
        started = time.perf_counter()
        write_xlsx(path, args.rows)
        print(f"wrote {args.rows} rows ({path.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - started:.1f} s")
        results = []
        for label in ("import (creates)", "re-import (unchanged)"):
            upload = SimpleUploadedFile("danh-sach.xlsx", path.read_bytes())
            t0 = time.perf_counter()
            imp = roster_import_create(actor=admin, school=school, uploaded_file=upload,
                                       school_year="2025-2026")
            imp = roster_preview(imp=imp)
            t1 = time.perf_counter()
            cpu0 = time.process_time()
            imp = roster_commit(import_id=imp.pk)
            t2 = time.perf_counter()
            cpu = time.process_time() - cpu0
            assert imp.error_rows == 0, imp.errors_sample[:3]
            results.append((label, imp, t1 - t0, t2 - t1, cpu))
    print()
    print(f"{'step':<24}{'rows':>8}{'preview s':>11}{'commit s':>10}{'commit rows/s':>15}"
          f"{'commit CPU s':>14}{'created':>9}{'unchanged':>11}")
    for label, imp, preview_s, commit_s, cpu in results:
        print(f"{label:<24}{imp.valid_rows:>8}{preview_s:>11.1f}{commit_s:>10.1f}"
              f"{imp.valid_rows / commit_s:>15.0f}{cpu:>14.1f}{imp.created_count:>9}"
              f"{imp.unchanged_count:>11}")
    first = results[0]
    rate = first[1].valid_rows / first[3]
    print(f"\nload average while running: {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"peak memory (ru_maxrss): {peak_mb():.0f} MB  (goal <= {GOAL_PEAK_MB} MB)")
    print(f"commit rate: {rate:.0f} rows/s  (goal >= {GOAL_ROWS_PER_S} rows/s): "
          f"{'OK' if rate >= GOAL_ROWS_PER_S else 'BELOW GOAL'}")
    print(f"end to end (preview + commit): "
          f"{first[1].valid_rows / (first[2] + first[3]):.0f} rows/s")


if __name__ == "__main__":
    main()
