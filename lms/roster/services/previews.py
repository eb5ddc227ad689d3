"""The preview: read and validate the whole file without writing learners (counts, per-row
errors naming row and column, the classes that will be created). Small files are previewed in
the request; a large one (HOCMO_ROSTER_PREVIEW_ASYNC_ROWS rows or HOCMO_ROSTER_PREVIEW_ASYNC_BYTES
bytes) in a Celery task, with the rows read so far as the progress bar's count."""

from __future__ import annotations

import logging
import os
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lms.units.models import Unit

from ..columns import fold
from ..models import ImportStatus, RosterImport
from ..parsing import RosterFileError
from ..scanning import scan_and_cache
from ..xlsx_stream import declared_rows

logger = logging.getLogger(__name__)

PREVIEW_ERRORS = 200
PROGRESS_EVERY = 1000  # rows between two progress writes of a background preview
XLSX_BYTES_PER_ROW = 70  # a compressed 12-column roster row, for files without <dimension>
CSV_BYTES_PER_ROW = 120


def async_rows() -> int:
    return settings.HOCMO_ROSTER_PREVIEW_ASYNC_ROWS


def async_bytes() -> int:
    return settings.HOCMO_ROSTER_PREVIEW_ASYNC_BYTES


def estimate_rows(imp: RosterImport) -> int:
    """A cheap row count for the threshold and the progress bar: the XLSX <dimension>, the CSV's
    line count, or the size divided by a typical row's bytes."""
    path = imp.file.path
    size = os.path.getsize(path)
    if imp.file_kind == "csv":
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    try:
        declared = declared_rows(path)
    except Exception:  # noqa: BLE001 - an odd workbook: the size estimate will do
        declared = None
    return declared if declared else size // XLSX_BYTES_PER_ROW


def preview_in_background(imp: RosterImport) -> bool:
    return (imp.file.size >= async_bytes()) or estimate_rows(imp) >= async_rows()


def _class_names(school: Unit) -> set[str]:
    return {fold(name) for name in Unit.objects.filter(
        path__startswith=school.path, kind__is_class=True).values_list("name", flat=True)}


def roster_preview(*, imp: RosterImport, report_progress: bool = False) -> RosterImport:
    """Reads the whole file without writing learners. Raises RosterFileError when the file turns
    out unreadable part-way."""
    total = valid = error_rows = 0
    errors: list[dict[str, Any]] = []
    existing = _class_names(imp.school)
    new_classes: dict[str, str] = {}
    try:
        for scanned in scan_and_cache(imp.file.path, imp.mapping):
            total += 1
            if scanned.row:
                valid += 1
                key = fold(scanned.row.class_name)
                if key not in existing and key not in new_classes:
                    new_classes[key] = scanned.row.class_name
            else:
                error_rows += 1
                for message in scanned.errors:
                    if len(errors) < PREVIEW_ERRORS:
                        errors.append({"row": scanned.row_number, "message": message})
            if report_progress and total % PROGRESS_EVERY == 0:
                RosterImport.objects.filter(pk=imp.pk).update(processed_rows=total)
    except RosterFileError:
        raise
    except Exception as exc:  # a corrupt sheet part-way through: say so, do not crash the page
        logger.warning("roster preview %s: unreadable file", imp.pk, exc_info=True)
        raise RosterFileError(_("Không đọc được tệp: %(err)s") % {"err": exc}) from exc
    RosterImport.objects.filter(pk=imp.pk).update(
        total_rows=total, valid_rows=valid, error_rows=error_rows, errors_sample=errors,
        new_classes=sorted(new_classes.values()), status=ImportStatus.PREVIEWED,
        processed_rows=0, failure="")
    imp.refresh_from_db()
    return imp


def roster_preview_start(*, imp: RosterImport) -> RosterImport:
    """Queue the preview of a large file; the preview page shows its progress meanwhile."""
    from ..tasks import roster_import_preview

    RosterImport.objects.filter(pk=imp.pk).update(
        status=ImportStatus.PREVIEWING, total_rows=estimate_rows(imp), processed_rows=0,
        valid_rows=0, error_rows=0, errors_sample=[], new_classes=[], failure="")
    transaction.on_commit(lambda: roster_import_preview.delay(imp.pk))
    imp.refresh_from_db()
    return imp


def roster_preview_run(*, import_id: int) -> RosterImport | None:
    """The task's body: preview, or on an unreadable file go back to the mapping step with the
    reason (shown there). A stale task (the mapping changed since) does nothing."""
    imp = RosterImport.objects.select_related("school").filter(
        pk=import_id, status=ImportStatus.PREVIEWING).first()
    if imp is None:
        return None
    try:
        return roster_preview(imp=imp, report_progress=True)
    except RosterFileError as exc:
        RosterImport.objects.filter(pk=imp.pk).update(status=ImportStatus.UPLOADED,
                                                      failure=str(exc), processed_rows=0)
        imp.refresh_from_db()
        return imp
