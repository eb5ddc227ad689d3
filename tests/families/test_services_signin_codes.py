"""One-time sign-in codes: hashed at rest, 10-minute expiry, single use, 5 attempts, throttled
requests, sent through the notification adapters (SMS file outbox / Django email)."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from lms.accounts.models import SignInCode, SignInPurpose
from lms.accounts.services import signin
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FILE = "lms.notifications.channels.gateways.FileAdapter"
TWO = SignInPurpose.TWO_STEP


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox(settings, tmp_path):
    settings.NOTIFICATIONS_OUTBOX_DIR = str(tmp_path)
    settings.NOTIFICATIONS_ADAPTERS = {"sms": FILE, "zalo": FILE}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return Path(tmp_path)


def sms_lines(outbox: Path) -> list[dict]:
    path = outbox / "sms.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def parent():
    return UserFactory(username="ph.lan", phone="0912111222", email="lan@example.vn",
                       full_name="Phạm Thị Lan")


def test_code_is_stored_only_as_a_keyed_hash(parent):
    row, code = signin.code_issue(parent, purpose=TWO, channel="sms")
    assert len(code) == 6 and code.isdigit()
    stored = SignInCode.objects.get(pk=row.pk)
    assert code not in stored.code_hash
    import hashlib
    assert stored.code_hash != hashlib.sha256(code.encode()).hexdigest()  # keyed, not plain
    assert len(stored.code_hash) == 64


def test_right_code_works_once(parent):
    _row, code = signin.code_issue(parent, purpose=TWO, channel="sms")
    assert signin.code_verify(parent, purpose=TWO, code=code) is True
    assert signin.code_verify(parent, purpose=TWO, code=code) is False


def test_code_is_bound_to_user_and_purpose(parent):
    other = UserFactory(phone="0912999888")
    _row, code = signin.code_issue(parent, purpose=TWO, channel="sms")
    assert signin.code_verify(other, purpose=TWO, code=code) is False
    assert signin.code_verify(parent, purpose=SignInPurpose.CODE_LOGIN, code=code) is False
    assert signin.code_verify(parent, purpose=TWO, code=code) is True


def test_code_expires_after_ten_minutes(parent):
    row, code = signin.code_issue(parent, purpose=TWO, channel="sms")
    assert (row.expires_at - row.created_at).total_seconds() == pytest.approx(600, abs=2)
    SignInCode.objects.filter(pk=row.pk).update(
        expires_at=timezone.now() - timezone.timedelta(seconds=1))
    assert signin.code_verify(parent, purpose=TWO, code=code) is False


def test_five_wrong_attempts_burn_the_code(parent):
    row, code = signin.code_issue(parent, purpose=TWO, channel="sms")
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(signin.MAX_ATTEMPTS):
        assert signin.code_verify(parent, purpose=TWO, code=wrong) is False
    assert signin.code_verify(parent, purpose=TWO, code=code) is False  # right, but too late
    assert SignInCode.objects.get(pk=row.pk).attempts == signin.MAX_ATTEMPTS


def test_a_new_code_retires_the_previous_one(parent):
    _old, old_code = signin.code_issue(parent, purpose=TWO, channel="sms")
    _new, new_code = signin.code_issue(parent, purpose=TWO, channel="sms")
    if old_code != new_code:
        assert signin.code_verify(parent, purpose=TWO, code=old_code) is False
    assert signin.code_verify(parent, purpose=TWO, code=new_code) is True


def test_requests_throttled_per_identifier_and_per_address():
    assert signin.request_allowed("0912111222", "10.0.0.1") is True
    assert signin.request_allowed("0912111222", "10.0.0.2") is False  # 1 a minute per phone
    cache.clear()
    for n in range(5):
        assert signin.request_allowed(f"09120000{n:02d}", "10.0.0.9") is True
    assert signin.request_allowed("0912000099", "10.0.0.9") is False  # 5 a minute per address
    assert signin.request_allowed("0912000099", "10.0.0.8") is True


def test_identifier_hourly_limit(monkeypatch):
    for n in range(5):
        cache.delete_many([k for k, _w, _l in signin._throttle_keys("a@b.vn", str(n))
                           if ":60:" in k])
        assert signin.request_allowed("a@b.vn", str(n)) is True
    cache.delete_many([k for k, _w, _l in signin._throttle_keys("a@b.vn", "9") if ":60:" in k])
    assert signin.request_allowed("a@b.vn", "9") is False


def test_code_login_sends_sms_folded_within_160(outbox, parent):
    assert signin.code_deliver(purpose=SignInPurpose.CODE_LOGIN, identifier="+84 912 111 222")
    [line] = sms_lines(outbox)
    assert line["to"] == "0912111222"
    text = line["text"]
    assert text.isascii() and len(text) <= 160
    assert text.startswith("HocMo: ma dang nhap cua ban la ")
    code = text.split("la ")[1][:6]
    assert signin.code_verify(parent, purpose=SignInPurpose.CODE_LOGIN, code=code) is True


def test_code_login_by_email_sends_email_only(outbox, parent, mailoutbox):
    assert signin.code_deliver(purpose=SignInPurpose.CODE_LOGIN, identifier="LAN@example.vn")
    assert sms_lines(outbox) == []
    assert mailoutbox[0].to == ["lan@example.vn"]
    assert mailoutbox[0].subject.startswith("Mã đăng nhập HọcMở: ")


def test_unknown_or_inactive_identifier_gets_nothing(outbox, mailoutbox):
    UserFactory(phone="0912555666", is_active=False)
    assert signin.code_deliver(purpose=SignInPurpose.CODE_LOGIN, identifier="0912000000") is False
    assert signin.code_deliver(purpose=SignInPurpose.CODE_LOGIN, identifier="0912555666") is False
    assert sms_lines(outbox) == [] and mailoutbox == []
    assert SignInCode.objects.count() == 0


class BrokenAdapter:
    def __init__(self, channel):
        pass

    def send(self, message):
        from lms.notifications.channels import SendError

        raise SendError("cổng SMS không phản hồi")


def test_send_failure_is_reported_not_raised(settings, parent):
    settings.NOTIFICATIONS_ADAPTERS = {
        "sms": "tests.families.test_services_signin_codes.BrokenAdapter"}
    assert signin.code_send(parent, purpose=TWO, channel="sms") is False
