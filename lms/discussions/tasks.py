"""Lesson-question notices, as Celery tasks taking ids (idempotent: each notice has a dedupe
key)."""

from lms.celery import shared_task

from . import notices


@shared_task(name="discussions.question_announce")
def question_announce(question_id: int) -> int:
    return notices.question_new(question_id)


@shared_task(name="discussions.answer_announce")
def answer_announce(answer_id: int) -> bool:
    return notices.answer_new(answer_id)
