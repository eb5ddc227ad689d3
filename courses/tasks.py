"""Celery tasks: thin, take IDs, idempotent and safe to retry."""

from lms.celery import shared_task

from .selectors import learners_pending_completion
from .services import course_completion_check


@shared_task(name="courses.completions_recheck",
             acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def course_completions_recheck(course_id: int) -> int:
    """After a course's required lessons change (a lesson unpublished or made optional), award
    the completions learners have now earned. Returns how many were created."""
    created = 0
    for user in learners_pending_completion(course_id):
        completion = course_completion_check(user=user, course_id=course_id)
        if completion is not None and getattr(completion, "_created", False):
            created += 1
    return created
