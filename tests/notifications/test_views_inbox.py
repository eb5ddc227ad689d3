import pytest
from django.urls import reverse

from lms.notifications.models import Preference
from lms.notifications.services import notification_send, unsubscribe_path
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return UserFactory(username="ph.hoa")


def test_inbox_lists_and_marks_read(client, user):
    notification_send(user, "class_news", {"class_name": "Lớp 9A", "text": "Họp lớp"})
    client.force_login(user)
    html = client.get(reverse("notifications:inbox")).content.decode()
    assert "Tin mới của Lớp 9A" in html and "1 chưa đọc" in html
    assert client.get(reverse("notifications:mark_read")).status_code == 405
    client.post(reverse("notifications:mark_read"))
    assert "chưa đọc" not in client.get(reverse("notifications:inbox")).content.decode()


def test_inbox_shows_only_own(client, user):
    other = UserFactory(username="ph.khac")
    notification_send(other, "class_news", {"class_name": "Lớp bí mật"})
    client.force_login(user)
    assert "Lớp bí mật" not in client.get(reverse("notifications:inbox")).content.decode()


def test_preferences_validate_in_vietnamese(client, user):
    client.force_login(user)
    response = client.post(reverse("notifications:preferences"), {
        "in_app": "on", "zalo": "on", "quiet_start": "25", "quiet_end": "7", "language": "vi"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cần mã người dùng Zalo OA" in html
    response = client.post(reverse("notifications:preferences"), {
        "in_app": "on", "sms": "on", "quiet_start": "22", "quiet_end": "6", "language": "en"})
    assert response.status_code == 302
    pref = Preference.objects.get(user=user)
    assert pref.sms and not pref.email and pref.quiet_start == 22
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_unsubscribe_without_login_and_tampered_token(client, user):
    url = unsubscribe_path(user)
    assert "Hủy nhận email" in client.get(url).content.decode()
    client.post(url)
    assert Preference.objects.get(user=user).email is False
    bad = client.post(url[:-3] + "xx/")
    assert bad.status_code == 400
