"""Celery tasks: thin, take IDs, idempotent and safe to retry."""

from lms.celery import shared_task


@shared_task(name="search.subtree_reindex",
             acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def search_subtree_reindex(page_id: int) -> int:
    from .services import search_subtree_refresh

    return search_subtree_refresh(page_id)
