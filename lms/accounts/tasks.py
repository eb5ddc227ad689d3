from lms.celery import shared_task


@shared_task(name="accounts.password_reset_deliver", ignore_result=True)
def password_reset_deliver(*, identifier: str) -> bool:
    """Sends a password reset link (email) or code (SMS); see
    lms/accounts/services/passwords.py. Not retried: the person is waiting and can ask again."""
    from .services.passwords import password_reset_deliver as deliver

    return deliver(identifier)


@shared_task(name="accounts.signin_code_deliver", ignore_result=True)
def signin_code_deliver(*, purpose: str, identifier: str = "", user_id: int | None = None) -> bool:
    """Makes and sends a sign-in code (see lms/accounts/services/signin.py). Not retried: the
    person is waiting and can ask again; a stale retry would only retire a newer code."""
    from .services.signin import code_deliver

    return code_deliver(purpose=purpose, identifier=identifier, user_id=user_id)
