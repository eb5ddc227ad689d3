"""Direct delivery of sign-in codes and password-reset messages (SMS, email), at once and not
through the notification queue. accounts sits below notifications, so it does not import the
channel adapters: NotificationsConfig.ready() plugs its transport in with `transport_set`
(see lms/notifications/delivery.py). SMS text is folded and cut to one message by the
transport."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings


class DeliveryError(Exception):
    """The message was not sent (the caller logs it; the person can ask again)."""


@dataclass
class Message:
    channel: str  # "sms" or "email"
    idempotency_key: str
    to: str
    subject: str
    text: str


_transport: Callable[[Message], object] | None = None


def transport_set(transport: Callable[[Message], object]) -> None:
    global _transport
    _transport = transport


def message_send(message: Message) -> None:
    """Sends now; raises DeliveryError when the transport failed or none is plugged in."""
    if _transport is None:
        raise DeliveryError("no transport for account messages (is lms.notifications installed?)")
    _transport(message)


def absolute_url(path: str) -> str:
    """A link for a message (the same base as notifications': NOTIFICATIONS_BASE_URL)."""
    if path.startswith("http"):
        return path
    return settings.NOTIFICATIONS_BASE_URL.rstrip("/") + path
