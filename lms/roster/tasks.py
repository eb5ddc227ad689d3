from celery import shared_task


@shared_task(acks_late=True)
def roster_import_commit(import_id: int) -> int:
    """Commit an import (idempotent: re-running applies the same file to the same state)."""
    from .services import roster_commit

    return roster_commit(import_id=import_id).processed_rows
