"""Celery tasks: thin, take IDs, idempotent and safe to retry."""

from lms.celery import shared_task


@shared_task(name="library.item_extract",
             acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def library_item_extract(item_id: int) -> str:
    """Extracts the text of an item's file into full_text (progress in extraction_progress)."""
    from .services import library_item_extract_text

    return library_item_extract_text(item_id)
