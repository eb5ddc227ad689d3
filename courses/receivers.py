"""Keeping completions true when a course's required lessons change: publishing or
unpublishing a lesson rechecks its course's completions (Celery, after commit)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished


@receiver(page_published)
@receiver(page_unpublished)
def _lesson_changed(sender, instance, **kwargs):
    from .models import LessonPage
    from .tasks import course_completions_recheck

    if isinstance(instance, LessonPage):
        course_id = instance.get_parent().pk
        transaction.on_commit(lambda: course_completions_recheck.delay(course_id))
