"""One transaction per batch: a failing batch leaves none of its rows, the batches before it
stay, the import is marked failed and the error report names the failed batch's rows."""

from openpyxl import load_workbook

from lms.accounts.models import LearnerProfile, User
from lms.roster.models import ImportStatus
from lms.roster.services import imports as services  # BATCH_SIZE is read there
from lms.roster.services.applying import BatchApplier

from .helpers import student, xlsx_bytes
from .test_services_import import run


def test_failed_batch_leaves_no_partial_data(monkeypatch, school, school_admin):
    monkeypatch.setattr(services, "BATCH_SIZE", 2)
    real_roles = BatchApplier._roles
    calls = {"n": 0}

    def roles_then_fail(self, rows, learners):
        calls["n"] += 1
        changed = real_roles(self, rows, learners)  # users, profiles, roles of batch 2 written…
        if calls["n"] == 2:
            raise RuntimeError("mất kết nối")  # …then the batch fails: all of it rolls back
        return changed

    monkeypatch.setattr(BatchApplier, "_roles", roles_then_fail)
    imp = run(school_admin, school, xlsx_bytes([student(n) for n in range(1, 6)]))
    assert imp.status == ImportStatus.FAILED and "mất kết nối" in imp.failure
    assert sorted(LearnerProfile.objects.values_list("learner_code", flat=True)) == [
        "HS00001", "HS00002"]
    assert not User.objects.filter(username__in=["hs.hs00003", "hs.hs00004"]).exists()
    sheet = load_workbook(imp.error_report.path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Lỗi"
    assert [r[2] for r in rows[1:]] == ["HS00003", "HS00004"]
    assert all("Chưa nhập" in r[-1] for r in rows[1:])

    # Re-running the same import (the fault gone) completes it idempotently.
    monkeypatch.setattr(BatchApplier, "_roles", real_roles)
    imp = services.roster_commit(import_id=imp.pk)
    assert imp.status == ImportStatus.DONE
    assert (imp.created_count, imp.unchanged_count) == (3, 2)
    assert LearnerProfile.objects.count() == 5


def test_batches_count_progress(monkeypatch, school, school_admin):
    monkeypatch.setattr(services, "BATCH_SIZE", 3)
    imp = run(school_admin, school, xlsx_bytes([student(n) for n in range(1, 8)]))
    assert imp.status == ImportStatus.DONE
    assert imp.processed_rows == 7 and imp.percent == 100
