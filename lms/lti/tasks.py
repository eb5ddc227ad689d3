from lms.celery import shared_task


@shared_task(name="lti.grade_send", acks_late=True, autoretry_for=(Exception,),
             retry_backoff=True, max_retries=5)
def lti_grade_send(link_user_id: int) -> bool:
    """Send a learner's score back to the launching platform (AGS). Idempotent: a score
    already sent is not sent again."""
    from .services import grade_send

    return grade_send(link_user_id=link_user_id)


@shared_task(name="lti.members_sync", acks_late=True)
def lti_members_sync(context_pk: int) -> int:
    """Names and Role Provisioning for one platform context (safe to re-run)."""
    from .services import members_sync

    return members_sync(context_pk=context_pk)
