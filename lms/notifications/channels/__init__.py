"""Channel adapters. Each exposes `send(message) -> provider id` and raises `SendError` on a
failure worth retrying. SMS and Zalo have a console adapter (development), a file adapter
(tests, and a stand-in for a gateway that honours idempotency keys) and an HTTP adapter (a real
gateway or the Zalo OA API), chosen by settings."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


class SendError(Exception):
    """A send failed; the task retries with backoff, then dead-letters."""


@dataclass
class OutgoingMessage:
    channel: str
    idempotency_key: str
    to: str
    subject: str
    text: str
    html: str = ""
    unsubscribe_url: str = ""


DEFAULT_ADAPTERS = {
    "email": "lms.notifications.channels.email.EmailAdapter",
    "sms": "lms.notifications.channels.gateways.ConsoleAdapter",
    "zalo": "lms.notifications.channels.gateways.ConsoleAdapter",
}


def adapter_for(channel: str):
    configured = settings.NOTIFICATIONS_ADAPTERS or {}
    path = configured.get(channel) or DEFAULT_ADAPTERS[channel]
    return import_string(path)(channel)
