"""Incremental indexing: any publish, unpublish, move, slug change or view-restriction change
re-indexes the page and its subtree in Celery after the transaction commits."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


def _queue(page_id: int) -> None:
    from .tasks import search_subtree_reindex

    transaction.on_commit(lambda: search_subtree_reindex.delay(page_id))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def _page_changed(sender, instance, **kwargs):
    _queue(instance.pk)


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    _queue(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restriction_changed(sender, instance, **kwargs):
    _queue(instance.page_id)
