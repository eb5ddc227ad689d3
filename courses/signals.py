"""Domain events other parts subscribe to (reports count completions; notifications announce),
and the hooks that keep completions true when a course's required lessons change."""

import django.dispatch
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

# sender=CourseCompletion, completion=<CourseCompletion>; sent once per learner and course.
course_completed = django.dispatch.Signal()

# sender=<Certificate model>, certificate=<Certificate>; sent once when a certificate is issued
# (courses.certificates), so targets that count certificates as "trained" and notifications
# can react without importing each other.
certificate_issued = django.dispatch.Signal()

# sender=<Certificate model>, certificate=<Certificate>; sent once when a certificate is revoked,
# so targets counting certificates take the learner out of "trained".
certificate_revoked = django.dispatch.Signal()


@receiver(page_published)
@receiver(page_unpublished)
def _lesson_changed(sender, instance, **kwargs):
    from .models import LessonPage
    from .tasks import course_completions_recheck

    if isinstance(instance, LessonPage):
        course_id = instance.get_parent().pk
        transaction.on_commit(lambda: course_completions_recheck.delay(course_id))
