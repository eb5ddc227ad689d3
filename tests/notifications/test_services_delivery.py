import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone

from lms.notifications import services
from lms.notifications.channels import SendError
from lms.notifications.models import DeadLetter, Delivery, DeliveryState, Notification, Preference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FILE = "lms.notifications.channels.gateways.FileAdapter"


class BrokenAdapter:
    def __init__(self, channel):
        pass

    def send(self, message):
        raise SendError("cổng SMS không phản hồi")


@pytest.fixture
def outbox(settings, tmp_path):
    settings.NOTIFICATIONS_OUTBOX_DIR = str(tmp_path)
    settings.NOTIFICATIONS_ADAPTERS = {"sms": FILE, "zalo": FILE}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return Path(tmp_path)


def deliver_now(notification):
    """What the queued `deliver` tasks do, run here: in CI's second pass a real worker cannot
    see this test's uncommitted rows, so unit tests call the service directly."""
    for pk in notification.deliveries.filter(state="pending").values_list("pk", flat=True):
        services.delivery_send(pk)


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def parent():
    user = UserFactory(username="ph.lan", phone="0912111222", full_name="Phạm Thị Lan")
    Preference.objects.create(user=user, sms=True, zalo=True, zalo_user_id="zl-42",
                              quiet_start=0, quiet_end=0)
    return user


def test_one_delivery_per_chosen_channel(outbox, parent, mailoutbox):
    n = services.notification_send(parent, "course_completed",
                                   {"learner": "Nguyễn Minh An", "course": "Kỹ năng số"})
    deliver_now(n)
    channels = dict(Delivery.objects.filter(notification=n).values_list("channel", "state"))
    assert channels == {"in_app": "sent", "email": "sent", "sms": "sent", "zalo": "sent"}
    assert lines(outbox / "sms.jsonl")[0]["text"] == (
        "HocMo: Nguyen Minh An da hoan thanh khoa hoc Ky nang so")
    assert lines(outbox / "zalo.jsonl")[0]["to"] == "zl-42"
    assert mailoutbox[0].subject == "Nguyễn Minh An đã hoàn thành khóa học “Kỹ năng số”"


def test_same_event_twice_notifies_once(outbox, parent):
    for _ in range(2):
        n = services.notification_send(parent, "class_news", {"class_name": "Lớp 9A"},
                                       dedupe_key="news:1")
        if n:
            deliver_now(n)
    assert Notification.objects.filter(user=parent).count() == 1
    assert len(lines(outbox / "sms.jsonl")) == 1


def test_a_delivery_is_never_sent_twice(outbox, parent):
    n = services.notification_send(parent, "class_news", {"class_name": "Lớp 9A"})
    deliver_now(n)
    sms = Delivery.objects.get(notification=n, channel="sms")
    assert services.delivery_send(sms.pk) is None  # already sent: nothing happens
    # a worker that died after claiming: the lease expires, another worker resends with the
    # same idempotency key and the gateway (file adapter) records it once
    Delivery.objects.filter(pk=sms.pk).update(state=DeliveryState.SENDING,
                                              lease_until=timezone.now() - dt.timedelta(seconds=1))
    assert sms.pk in list(services.deliveries_due())
    services.delivery_send(sms.pk)
    assert [x["key"] for x in lines(outbox / "sms.jsonl")] == [sms.idempotency_key]
    sms.refresh_from_db()
    assert sms.state == "sent" and sms.attempts == 2


def test_claim_held_by_a_live_worker_is_not_taken(outbox, parent, settings):
    settings.NOTIFICATIONS_ADAPTERS = {"sms": "tests.notifications.test_services_delivery.BrokenAdapter"}
    n = services.notification_send(parent, "class_news", {"class_name": "Lớp 9A"},
                                   channels=["sms"])
    sms = Delivery.objects.get(notification=n)
    Delivery.objects.filter(pk=sms.pk).update(state=DeliveryState.SENDING,
                                              lease_until=timezone.now() + dt.timedelta(minutes=1))
    assert services.delivery_send(sms.pk) is None
    sms.refresh_from_db()
    assert sms.state == "sending" and sms.attempts == 0


def test_failures_back_off_then_dead_letter(outbox, parent, settings):
    settings.NOTIFICATIONS_ADAPTERS = {"sms": "tests.notifications.test_services_delivery.BrokenAdapter"}
    n = services.notification_send(parent, "class_news", {"class_name": "Lớp 9A"},
                                   channels=["sms"])
    deliver_now(n)
    sms = Delivery.objects.get(notification=n)
    assert sms.state == "pending" and sms.attempts == 1 and sms.not_before > timezone.now()
    waits = []
    now = timezone.now()
    for _ in range(services.MAX_ATTEMPTS):
        now += dt.timedelta(hours=2)
        waits.append(services.delivery_send(sms.pk, now=now))
    sms.refresh_from_db()
    assert sms.state == "failed" and sms.attempts == services.MAX_ATTEMPTS
    assert waits[:3] == [60, 120, 240] and waits[3] is None
    assert "không phản hồi" in DeadLetter.objects.get(delivery=sms).error


def test_quiet_hours_hold_sms_but_not_in_app(outbox, parent):
    Preference.objects.filter(user=parent).update(quiet_start=21, quiet_end=7)
    parent._hocmo_notification_pref = None
    n = services.notification_send(parent, "class_news", {"class_name": "Lớp 9A"},
                                   channels=["in_app", "sms"])
    sms = Delivery.objects.get(notification=n, channel="sms")
    Delivery.objects.filter(pk=sms.pk).update(state="pending", not_before=None, attempts=0)
    night = timezone.make_aware(dt.datetime(2026, 3, 2, 22, 30))
    wait = services.delivery_send(sms.pk, now=night)
    sms.refresh_from_db()
    assert sms.state == "pending"
    assert timezone.localtime(sms.not_before).hour == 7
    assert wait == int((sms.not_before - night).total_seconds()) + 1
    morning = timezone.make_aware(dt.datetime(2026, 3, 3, 7, 1))
    assert services.delivery_send(sms.pk, now=morning) is None
    sms.refresh_from_db()
    assert sms.state == "sent"


def test_missing_address_creates_no_delivery(outbox):
    user = UserFactory(username="no-contact", email="", phone=None)
    n = services.notification_send(user, "class_news", {"class_name": "Lớp 9A"})
    assert list(n.deliveries.values_list("channel", flat=True)) == ["in_app"]


def test_language_follows_the_user(outbox):
    user = UserFactory(username="en-user", preferred_language="en")
    n = services.notification_send(user, "class_news", {"class_name": "9A"})
    assert n.title  # English catalogue may lack the msgid; the Vietnamese source is the fallback
