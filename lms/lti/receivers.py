"""A lesson completed (courses.signals.lesson_completed) → the score goes back to every LTI
link the learner launched it (or its course) from, after the commit, in Celery."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from courses.signals import lesson_completed

from .models import LtiLinkUser


@receiver(lesson_completed, dispatch_uid="lti_grade_passback")
def grade_passback(sender, user_id: int, lesson_id: int, course_id: int, **kwargs):
    ids = list(LtiLinkUser.objects.filter(user_id=user_id, link__page_id__in=(lesson_id, course_id))
               .exclude(link__lineitem_url="").values_list("pk", flat=True))
    if not ids:
        return
    from .tasks import lti_grade_send  # Celery stays out of the web worker until a task is sent

    for pk in ids:
        transaction.on_commit(partial(lti_grade_send.delay, pk))
