"""The one notification service: `notification_send(user, event, context)` records the in-app
notification and one delivery per chosen channel, then queues the sends after commit.
`delivery_send(delivery_id)` performs one send at most once per idempotency key."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from lms.accounts.delivery import absolute_url  # one definition for links in messages

from ..channels import OutgoingMessage, SendError, adapter_for
from ..models import Channel, DeadLetter, Delivery, DeliveryState, Notification, Preference
from ..texts import render

MAX_ATTEMPTS = 5
QUIET_CHANNELS = (Channel.SMS, Channel.ZALO)
UNSUBSCRIBE_SALT = "hocmo.notifications.unsubscribe"


def preference_for(user) -> Preference:
    pref = getattr(user, "_hocmo_notification_pref", None)
    if pref is None:
        pref = Preference.objects.filter(user=user).first() or Preference(user=user)
        user._hocmo_notification_pref = pref
    return pref


def preferences_save(*, user, preference: Preference, language: str) -> Preference:
    """The preferences page: the user's notification settings and their interface language."""
    preference.user = user
    preference.save()
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return preference


def address_for(user, channel: str, pref: Preference) -> str:
    if channel == Channel.EMAIL:
        return user.email or ""
    if channel == Channel.SMS:
        return user.phone or ""
    if channel == Channel.ZALO:
        return pref.zalo_user_id
    return str(user.pk)


def notification_send(user, event: str, context: dict, *, dedupe_key: str | None = None,
                      channels: list[str] | None = None) -> Notification | None:
    """Notify `user` of `event`. Repeating a call with the same `dedupe_key` does nothing.
    `channels` overrides the user's choice (e.g. a sign-in code by SMS). Returns None when
    the notification already existed."""
    pref = preference_for(user)
    text = render(event, context, getattr(user, "preferred_language", "vi"))
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, event=event, title=text["title"], body=text["body"],
                sms_text=text["sms"], url=text["url"], dedupe_key=dedupe_key)
            wanted = channels if channels is not None else pref.channels()
            deliveries = deliveries_create(notification, user, pref, wanted)
    except IntegrityError:
        return None
    queue_after_commit([d.pk for d in deliveries if d.state == DeliveryState.PENDING])
    return notification


def deliveries_create(notification, user, pref, channels) -> list[Delivery]:
    rows = []
    now = timezone.now()
    for channel in channels:
        if channel != Channel.IN_APP and not address_for(user, channel, pref):
            continue
        in_app = channel == Channel.IN_APP
        rows.append(Delivery(
            notification=notification, channel=channel,
            idempotency_key=f"{notification.pk}:{channel}",
            state=DeliveryState.SENT if in_app else DeliveryState.PENDING,
            sent_at=now if in_app else None))
    return Delivery.objects.bulk_create(rows)


def queue_after_commit(delivery_ids: list[int]) -> None:
    if not delivery_ids:
        return
    from ..tasks import deliver

    def _queue():
        for delivery_id in delivery_ids:
            deliver.delay(delivery_id)

    transaction.on_commit(_queue)


def _quiet_until(pref: Preference, now: dt.datetime) -> dt.datetime | None:
    """The end of the user's quiet hours if `now` (local time) is inside them."""
    local = timezone.localtime(now)
    start, end = pref.quiet_start % 24, pref.quiet_end % 24
    if start == end:
        return None
    hour = local.hour
    inside = (start <= hour < end) if start < end else (hour >= start or hour < end)
    if not inside:
        return None
    resume = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if resume <= local:
        resume += dt.timedelta(days=1)
    return resume


def lease_seconds() -> int:
    return int(settings.NOTIFICATIONS_LEASE_SECONDS)


def backoff_seconds(attempts: int) -> int:
    return min(30 * 2 ** max(attempts - 1, 0), 3600)


def _claim(delivery_id: int, now) -> bool:
    """Conditional UPDATE: only one worker wins a pending delivery (or one whose lease expired
    because its worker died)."""
    claimable = Q(state=DeliveryState.PENDING) | Q(state=DeliveryState.SENDING, lease_until__lt=now)
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    return bool(Delivery.objects.filter(claimable & due, pk=delivery_id).update(
        state=DeliveryState.SENDING, attempts=F("attempts") + 1,
        lease_until=now + dt.timedelta(seconds=lease_seconds())))


def delivery_send(delivery_id: int, *, now=None) -> int | None:
    """Send one delivery. Returns seconds after which to try again, or None when done (sent,
    dead-lettered, or another worker holds it)."""
    now = now or timezone.now()
    delivery = (Delivery.objects.select_related("notification", "notification__user")
                .filter(pk=delivery_id).first())
    if delivery is None or delivery.state in (DeliveryState.SENT, DeliveryState.FAILED,
                                              DeliveryState.SKIPPED):
        return None
    user = delivery.notification.user
    pref = preference_for(user)
    if delivery.channel in QUIET_CHANNELS and delivery.not_before is None:
        resume = _quiet_until(pref, now)
        if resume is not None:
            Delivery.objects.filter(pk=delivery_id, state=DeliveryState.PENDING).update(
                not_before=resume)
            return int((resume - now).total_seconds()) + 1
    if not _claim(delivery_id, now):
        return None
    delivery.refresh_from_db()
    try:
        provider_id = adapter_for(delivery.channel).send(_message(delivery, user, pref))
    except SendError as exc:
        return _failed(delivery, str(exc))
    Delivery.objects.filter(pk=delivery_id, state=DeliveryState.SENDING).update(
        state=DeliveryState.SENT, sent_at=timezone.now(), provider_id=provider_id[:120],
        lease_until=None, last_error="")
    return None


def _failed(delivery: Delivery, error: str) -> int | None:
    if delivery.attempts >= MAX_ATTEMPTS:
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery.pk).update(
                state=DeliveryState.FAILED, last_error=error, lease_until=None)
            DeadLetter.objects.get_or_create(delivery=delivery, defaults={"error": error})
        return None
    wait = backoff_seconds(delivery.attempts)
    Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.SENDING).update(
        state=DeliveryState.PENDING, last_error=error, lease_until=None,
        not_before=timezone.now() + dt.timedelta(seconds=wait))
    return wait


def _message(delivery: Delivery, user, pref: Preference) -> OutgoingMessage:
    n = delivery.notification
    link = absolute_url(n.url) if n.url else ""
    if delivery.channel == Channel.EMAIL:
        unsubscribe = absolute_url(unsubscribe_path(user))
        from django.template.loader import render_to_string
        from django.utils import translation

        with translation.override(user.preferred_language or "vi"):
            context = {"notification": n, "user": user, "link": link,
                       "unsubscribe_url": unsubscribe}
            text: str = render_to_string("notifications/email.txt", context)
            html = render_to_string("notifications/email.html", context)
        return OutgoingMessage(delivery.channel, delivery.idempotency_key, user.email,
                               n.title, text, html, unsubscribe)
    if delivery.channel == Channel.SMS:
        return OutgoingMessage(delivery.channel, delivery.idempotency_key, user.phone, n.title,
                               n.sms_text)
    text = n.body + (f"\n{link}" if link else "")
    return OutgoingMessage(delivery.channel, delivery.idempotency_key,
                           address_for(user, delivery.channel, pref), n.title, text)


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_path(user) -> str:
    from django.urls import reverse

    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user)])


def unsubscribe_apply(token: str):
    """Turns off email for the token's user. Raises signing.BadSignature on a bad token."""
    from lms.accounts.models import User

    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    user = User.objects.get(pk=data["u"])
    Preference.objects.update_or_create(user=user, defaults={"email": False})
    return user


def deliveries_due(now=None, *, stale_seconds: int = 60):
    """Deliveries a worker should (re)try: pending and due, older than `stale_seconds` (their
    queued task was lost), or claimed by a worker whose lease ran out (it died mid-send)."""
    now = now or timezone.now()
    stale = now - dt.timedelta(seconds=stale_seconds)
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    return Delivery.objects.filter(
        (Q(state=DeliveryState.PENDING, created_at__lt=stale) & due)
        | Q(state=DeliveryState.SENDING, lease_until__lt=now)).values_list("pk", flat=True)


def notifications_mark_read(user, notification_ids=None) -> int:
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        rows = rows.filter(pk__in=notification_ids)
    return rows.update(read_at=timezone.now())
