"""Email through a real SMTP server (aiosmtpd, in-process): the message that arrives is read."""

import pytest
from django.urls import reverse

from lms.notifications.digest import digest_build_and_queue
from lms.notifications.models import Delivery, Preference
from lms.notifications.services import delivery_send, notification_send

pytestmark = pytest.mark.django_db


def send_pending():
    for pk in Delivery.objects.filter(state="pending").values_list("pk", flat=True):
        delivery_send(pk)


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_weekly_digest_email_arrives_in_vietnamese_with_links(smtp_server, parent_with_child,
                                                               client):
    totals = digest_build_and_queue()
    send_pending()  # the queued tasks, run here (a CI worker cannot see these rows)
    assert totals["notifications"] == 1
    assert len(smtp_server.messages) == 1
    rcpt, message = smtp_server.messages[0]
    assert rcpt == ["ba@example.vn"]
    assert message["Subject"].startswith("Bản tin học tập tuần ")
    body = text_of(message)
    assert "Kính gửi Nguyễn Văn Ba," in body
    assert "Nguyễn Minh An" in body
    assert "Hoàn thành 2 bài học" in body
    assert "Thời gian học: 35 phút" in body
    assert "Đã hoàn thành khóa học “Hướng nghiệp”" in body
    assert "Cần hoàn thành: 1 khóa học đang học" in body
    assert "https://hocmo.example.vn/phu-huynh/" in body
    html = message.get_body(preferencelist=("html",)).get_content()
    assert 'href="https://hocmo.example.vn/phu-huynh/"' in html
    # the unsubscribe link in the mail works without signing in
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe in body
    path = unsubscribe.removeprefix("https://hocmo.example.vn")
    assert path.startswith("/thong-bao/huy-dang-ky/")
    assert client.post(path).status_code == 200
    assert Preference.objects.get(user=parent_with_child["parent"]).email is False
    # and the next email is not sent
    notification_send(parent_with_child["parent"], "class_news", {"class_name": "Lớp 12A1"})
    send_pending()
    assert len(smtp_server.messages) == 1


def test_digest_is_built_once_per_week(smtp_server, parent_with_child):
    digest_build_and_queue()
    again = digest_build_and_queue()
    send_pending()
    assert again["notifications"] == 0
    assert len(smtp_server.messages) == 1


def test_smtp_down_retries_then_dead_letters(settings, parent_with_child):
    import datetime as dt

    from django.utils import timezone

    from lms.notifications.models import DeadLetter
    from lms.notifications.services import MAX_ATTEMPTS

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    n = notification_send(parent_with_child["parent"], "class_news", {"class_name": "Lớp"},
                          channels=["email"])
    delivery = n.deliveries.get()
    now = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        delivery_send(delivery.pk, now=now)
        now += dt.timedelta(hours=2)
    delivery.refresh_from_db()
    assert delivery.state == "failed"
    assert DeadLetter.objects.filter(delivery=delivery).exists()
    assert reverse("notifications:inbox")
