"""Email through Django's email backend (SMTP in production, aiosmtpd in tests)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from . import OutgoingMessage, SendError


class EmailAdapter:
    def __init__(self, channel: str = "email"):
        self.channel = channel

    def send(self, message: OutgoingMessage) -> str:
        # Message-ID carries the idempotency key so a receiving system (or a person) can tell a
        # resend after a crash from a new message.
        domain = settings.NOTIFICATIONS_EMAIL_DOMAIN
        message_id = f"<{message.idempotency_key.replace(':', '.')}@{domain}>"
        headers = {"Message-ID": message_id}
        if message.unsubscribe_url:
            headers["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        email = EmailMultiAlternatives(subject=message.subject, body=message.text,
                                       to=[message.to], headers=headers)
        if message.html:
            email.attach_alternative(message.html, "text/html")
        try:
            email.send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as exc:
            raise SendError(str(exc)) from exc
        return message_id
