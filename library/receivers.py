"""On publish, a library item whose file changed gets its text extracted (Celery)."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def _item_published(sender, instance, **kwargs):
    from .models import LibraryItemPage
    from .services import library_item_file_published

    if isinstance(instance, LibraryItemPage):
        library_item_file_published(instance)
