"""The roster import's writes (issue 17: writes go through services): `imports` (an import
created, mapped, committed), `previews` (the preview, in the request or a Celery task),
`applying` (one batch of rows applied set-wise) and `bulk` (its SQL helpers). The names views,
tasks and other apps use are re-exported here (`from lms.roster.services import
roster_commit`)."""

from .imports import (
    MAX_UPLOAD_BYTES,
    RosterPermissionError,
    roster_commit,
    roster_commit_start,
    roster_import_create,
    roster_mapping_set,
)
from .previews import estimate_rows, roster_preview, roster_preview_run, roster_preview_start

__all__ = [
    "MAX_UPLOAD_BYTES", "RosterPermissionError", "estimate_rows",
    "roster_commit", "roster_commit_start", "roster_import_create", "roster_mapping_set",
    "roster_preview", "roster_preview_run", "roster_preview_start",
]
