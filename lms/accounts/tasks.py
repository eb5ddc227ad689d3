from celery import shared_task


@shared_task(ignore_result=True)
def password_reset_deliver(*, identifier: str) -> bool:
    """Sends a password reset link (email) or code (SMS); see lms/accounts/passwords.py. Not
    retried: the person is waiting and can ask again."""
    from .passwords import password_reset_deliver as deliver

    return deliver(identifier)
