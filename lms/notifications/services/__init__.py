"""The notifications' writes (issue 17: writes go through services): `sending` (one
notification sent on the user's channels, deliveries, preferences, unsubscribe, read marks)
and `bulk` (the digest's COPY writer, imported as `services.bulk`). The names other apps use
are re-exported here, so `from lms.notifications.services import notification_send` keeps
working."""

from .sending import (
    MAX_ATTEMPTS,
    QUIET_CHANNELS,
    UNSUBSCRIBE_SALT,
    absolute_url,
    address_for,
    backoff_seconds,
    deliveries_create,
    deliveries_due,
    delivery_send,
    lease_seconds,
    notification_send,
    notifications_mark_read,
    preference_for,
    preferences_save,
    queue_after_commit,
    unsubscribe_apply,
    unsubscribe_path,
    unsubscribe_token,
)

__all__ = [
    "absolute_url",
    "MAX_ATTEMPTS",
    "QUIET_CHANNELS",
    "UNSUBSCRIBE_SALT",
    "address_for",
    "backoff_seconds",
    "deliveries_create",
    "deliveries_due",
    "delivery_send",
    "lease_seconds",
    "notification_send",
    "notifications_mark_read",
    "preference_for",
    "preferences_save",
    "queue_after_commit",
    "unsubscribe_apply",
    "unsubscribe_path",
    "unsubscribe_token",
]
