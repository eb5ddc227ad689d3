"""Classroom notices, as Celery tasks taking ids (idempotent: each notice has a dedupe key)."""

from lms.celery import shared_task

from . import notices


@shared_task(name="classroom.assignment_announce")
def assignment_announce(assignment_id: int) -> int:
    return notices.assignment_new(assignment_id)


@shared_task(name="classroom.submission_returned")
def submission_returned(submission_id: int) -> bool:
    return notices.submission_returned(submission_id)


@shared_task(name="classroom.due_reminders")
def due_reminders() -> int:
    """Hourly: learners who have not handed in work due within 24 hours are told once."""
    return notices.due_reminders()


@shared_task(name="classroom.stream_post_announce")
def stream_post_announce(post_id: int) -> int:
    return notices.stream_post_new(post_id)
