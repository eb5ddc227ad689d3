"""Celery tasks: take IDs, idempotent, safe to retry."""

from lms.celery import shared_task


@shared_task(name="certificates.issue",
             acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def certificate_issue_task(user_id: int, course_id: int) -> int | None:
    """Issue (or find) the learner's certificate; returns its id, or None if not yet earned."""
    from courses.models import CoursePage
    from lms.accounts.models import User

    from .services import certificate_issue

    user = User.objects.filter(pk=user_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if user is None or course is None:
        return None
    certificate, _created = certificate_issue(user=user, course=course)
    return certificate.pk if certificate else None
