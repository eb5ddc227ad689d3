"""Content version bumps: any page publish, unpublish, move, slug change or deletion, and any
Programme save, invalidates the cached pages (services.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .services import content_version_bump


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def _page_changed(sender, **kwargs):
    content_version_bump()


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_version_bump()


@receiver(post_save, sender="courses.Programme")
def _programme_changed(sender, **kwargs):
    content_version_bump()
