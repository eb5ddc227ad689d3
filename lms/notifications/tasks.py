"""Celery tasks: thin, take IDs, safe to run twice (delivery_send claims before sending)."""

from lms.celery import shared_task


@shared_task(name="notifications.deliver",
             acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver(delivery_id: int) -> None:
    from .services import delivery_send

    retry_in = delivery_send(delivery_id)
    if retry_in is not None:
        deliver.apply_async((delivery_id,), countdown=retry_in)


@shared_task(name="notifications.deliver_batch",
             acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver_batch(delivery_ids: list[int]) -> None:
    from .services import delivery_send

    for delivery_id in delivery_ids:
        retry_in = delivery_send(delivery_id)
        if retry_in is not None:
            deliver.apply_async((delivery_id,), countdown=retry_in)


@shared_task(name="notifications.deliveries_resume", ignore_result=True)
def deliveries_resume() -> int:
    """Beat, every minute: re-queue deliveries whose task was lost or whose worker died."""
    from .services import deliveries_due

    ids = list(deliveries_due()[:5000])
    for start in range(0, len(ids), 200):
        deliver_batch.delay(ids[start:start + 200])
    return len(ids)


@shared_task(name="notifications.weekly_digest", ignore_result=True)
def weekly_digest() -> int:
    from .digest import digest_build_and_queue

    return digest_build_and_queue()["notifications"]


@shared_task(name="notifications.course_reminders", ignore_result=True)
def course_reminders() -> int:
    from .events import reminders_not_started

    return reminders_not_started()
