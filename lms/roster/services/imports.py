"""Roster import: upload → mapping → preview → commit (a Celery task, one transaction per batch).

Idempotent by student code (LearnerProfile.learner_code): the same file twice changes nothing, a
changed file updates by code, learners of the file's classes who are missing from it are flagged
(MissingLearner), never deleted. Classes the file names that the school lacks are created under
the school (the preview lists them first)."""

from __future__ import annotations

import logging
import os
from typing import cast

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.units.models import RoleKind, Unit

from ..columns import FIELDS, guess_mapping
from ..counters import counters_follow_batch, counters_rebuild
from ..models import ImportStatus, MissingLearner, RosterImport
from ..parsing import RosterFileError
from ..permissions import can_import_roster
from ..reports import error_report_xlsx
from ..scanning import cached_scan, drop_cache, read_headers, scan
from .applying import BatchApplier
from .previews import roster_preview, roster_preview_start  # noqa: F401 - the services API

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
MAX_UPLOAD_BYTES = 30 * 1024 * 1024


class RosterPermissionError(PermissionError):
    pass


def roster_import_create(*, actor, school: Unit, uploaded_file,
                         school_year: str = "") -> RosterImport:
    if not can_import_roster(actor, school):
        raise RosterPermissionError(_("Bạn không có quyền nhập danh sách cho đơn vị này."))
    if not school.kind.is_school:
        raise RosterFileError(_("Chỉ nhập danh sách cho một trường."))
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        raise RosterFileError(_("Tệp lớn quá 30 MB."))
    name = os.path.basename(uploaded_file.name or "danh-sach")[:200]
    imp = RosterImport(school=school, uploaded_by=actor, original_name=name,
                       school_year=school_year)
    imp.file.save(name, uploaded_file, save=False)
    try:
        kind, headers = read_headers(imp.file.path)
    except RosterFileError:
        imp.file.delete(save=False)
        raise
    imp.file_kind, imp.headers = kind, headers
    imp.mapping = guess_mapping(headers)
    imp.save()
    return imp


def roster_mapping_set(*, imp: RosterImport, mapping: dict[str, int]) -> RosterImport:
    missing = [str(FIELDS[k][0]) for k, (_l, req) in FIELDS.items() if req and k not in mapping]
    if missing:
        raise ValueError(_("Chưa chọn cột cho: %(cols)s.") % {"cols": ", ".join(missing)})
    drop_cache(imp.file.path)
    imp.mapping = mapping
    imp.status = ImportStatus.UPLOADED
    imp.failure = ""
    imp.save(update_fields=["mapping", "status", "failure"])
    return imp


def roster_commit_start(*, imp: RosterImport) -> RosterImport:
    """Queue the commit once (a second press while it runs does nothing)."""
    from ..tasks import roster_import_commit

    updated = RosterImport.objects.filter(
        pk=imp.pk, status__in=[ImportStatus.PREVIEWED, ImportStatus.DONE, ImportStatus.FAILED],
    ).update(status=ImportStatus.QUEUED, processed_rows=0, failure="")
    if updated:
        transaction.on_commit(lambda: roster_import_commit.delay(imp.pk))
    imp.refresh_from_db()
    return imp


def roster_commit(*, import_id: int) -> RosterImport:
    """Apply the file batch by batch; each batch is one transaction. On an unexpected failure the
    failing batch is rolled back, the import is marked failed and the error report names the rows
    of that batch; batches already committed stay (re-running is idempotent)."""
    imp = RosterImport.objects.select_related("school", "uploaded_by").get(pk=import_id)
    RosterImport.objects.filter(pk=imp.pk).update(status=ImportStatus.RUNNING, processed_rows=0)
    applier = BatchApplier(school=imp.school, actor=imp.uploaded_by, school_year=imp.school_year)
    error_rows: list[tuple[int, list, str]] = []
    batch: list = []
    seen_codes: set[str] = set()
    processed = 0
    failed = ""
    rebuild_targets: set[int] = set()

    def flush():
        nonlocal processed
        with transaction.atomic():
            _relax_commit_durability()
            rejected = applier.apply([s.row for s in batch])
            # Progress moves in the batch's own transaction: it counts only committed rows.
            RosterImport.objects.filter(pk=imp.pk).update(processed_rows=processed + len(batch))
        for scanned in batch:
            if scanned.row.learner_code in rejected:
                error_rows.append((scanned.row_number, scanned.values,
                                   rejected[scanned.row.learner_code]))
        processed += len(batch)
        batch.clear()
        # Committed: the report counters follow for the learners it touched.
        try:
            rebuild_targets.update(counters_follow_batch(
                imp.school, applier.touched_user_ids, applier.new_user_ids))
        except Exception:  # the batch stays imported; the hourly reconcile catches up
            logger.exception("roster import %s: counters sync failed", imp.pk)

    try:
        rows = cached_scan(imp.file.path) or scan(imp.file.path, imp.mapping)
        for scanned in rows:
            if scanned.code:
                seen_codes.add(scanned.code.upper())
            if scanned.row is None:
                error_rows.append((scanned.row_number, scanned.values, "; ".join(scanned.errors)))
                continue
            batch.append(scanned)
            if len(batch) >= BATCH_SIZE:
                flush()
        if batch:
            flush()
    except Exception as exc:  # the batch's transaction rolled back; say which rows it held
        logger.exception("roster import %s failed", imp.pk)
        failed = _("Lỗi khi nhập: %(err)s") % {"err": exc}
        for scanned in batch:
            error_rows.append((scanned.row_number, scanned.values,
                               _("Chưa nhập (lô bị hủy do lỗi): %(err)s") % {"err": exc}))
    try:
        counters_rebuild(rebuild_targets)
    except Exception:  # the learners are imported; the hourly reconcile catches up
        logger.exception("roster import %s: counters rebuild failed", imp.pk)
    missing = 0 if failed else _flag_missing(imp, applier.class_ids, seen_codes)
    report = ""
    if error_rows:
        content = error_report_xlsx(imp.headers, error_rows)
        imp.error_report.save(f"loi-{imp.pk}.xlsx", ContentFile(content), save=False)
        report = cast(str, imp.error_report.name)  # set by save()
    RosterImport.objects.filter(pk=imp.pk).update(
        status=ImportStatus.FAILED if failed else ImportStatus.DONE, failure=failed,
        processed_rows=processed, created_count=applier.created, updated_count=applier.updated,
        unchanged_count=applier.unchanged, missing_count=missing, error_report=report,
        error_rows=len(error_rows), finished_at=timezone.now())
    imp.refresh_from_db()
    return imp


def _relax_commit_durability() -> None:
    """On PostgreSQL, don't wait for the WAL flush at each batch's COMMIT (it cost up to 2 s per
    batch on a busy disk). Atomicity and consistency are unchanged; a server crash can lose only
    the last batches acknowledged, and the import is idempotent, so re-running it restores them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _flag_missing(imp: RosterImport, class_ids: set[int], seen_codes: set[str]) -> int:
    from lms.units.models import Role

    rows = (Role.objects.filter(unit_id__in=class_ids, kind=RoleKind.LEARNER,
                                ended_at__isnull=True)
            .values_list("user_id", "unit_id", "user__learner_profile__learner_code"))
    flags = [MissingLearner(roster_import=imp, user_id=user_id, class_unit_id=unit_id)
             for user_id, unit_id, code in rows if (code or "").upper() not in seen_codes]
    MissingLearner.objects.bulk_create(flags, ignore_conflicts=True, batch_size=1000)
    return len(flags)
