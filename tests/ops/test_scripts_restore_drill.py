"""The backup and restore drill scripts, end to end on PostgreSQL: a small committed database (a
province, a school, a class, a learner and an officer) is backed up by scripts/backup.sh and
restored by scripts/restore_drill.sh into a throwaway database `<test db>_drill`, whose checks
(counts, media, sign-in, a report page) must all pass. Bounded: about 10 s here."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from lms.units.models import RoleKind
from tests.factories import UnitFactory, class_unit, learner_in, staff_at

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the backup and restore drill need PostgreSQL (pg_dump, pg_restore)")

ROOT = Path(__file__).resolve().parent.parent.parent


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "postgres")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def test_backup_then_restore_drill_passes(transactional_db, tmp_path):
    school = UnitFactory()
    learner_in(class_unit(school))
    staff_at(school, kind=RoleKind.OFFICER, username="canbo.drill")  # password "mat-khau-thu"
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "a.txt").write_text("x")
    backups = tmp_path / "backups"
    source = connection.settings_dict["NAME"]
    env = {**os.environ, "DJANGO_MEDIA_ROOT": str(media), "PYTHON": sys.executable,
           "DJANGO_SETTINGS_MODULE": "lms.settings.test"}

    backup = subprocess.run(["bash", "scripts/backup.sh", str(backups)], cwd=ROOT, timeout=120,  # noqa: S603, S607
                            env={**env, "DATABASE_URL": _url(source)},
                            capture_output=True, text=True)
    assert backup.returncode == 0, backup.stderr
    assert len(list(backups.glob("db-*.dump"))) == 1
    assert len(list(backups.glob("media-*.tar.gz"))) == 1

    drill_db = f"{source}_drill"
    drill = subprocess.run(  # noqa: S603
        ["bash", "scripts/restore_drill.sh", str(backups)], cwd=ROOT, timeout=180,  # noqa: S607
        env={**env, "DRILL_DATABASE_URL": _url(drill_db), "DRILL_USERNAME": "canbo.drill",
             "DRILL_PASSWORD": "mat-khau-thu"},
        capture_output=True, text=True)
    try:
        assert drill.returncode == 0, drill.stdout + drill.stderr
        assert "ok   counts:" in drill.stdout
        assert "ok   media: 1 files" in drill.stdout
        assert "ok   sign-in as canbo.drill" in drill.stdout
        assert "ok   report /bao-cao/" in drill.stdout
        assert "PASS restore drill" in drill.stdout
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{drill_db}" WITH (FORCE)')
