from lms.celery import shared_task


@shared_task(name="roster.import_preview", acks_late=True)
def roster_import_preview(import_id: int) -> int:
    """Preview a large file (read + validate, no learner written; safe to re-run)."""
    from .services.previews import roster_preview_run

    imp = roster_preview_run(import_id=import_id)
    return imp.total_rows if imp else 0


@shared_task(name="roster.import_commit", acks_late=True)
def roster_import_commit(import_id: int) -> int:
    """Commit an import (idempotent: re-running applies the same file to the same state)."""
    from .services import roster_commit

    return roster_commit(import_id=import_id).processed_rows
