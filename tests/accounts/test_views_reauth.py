"""Security changes need a fresh confirmation and are told to the owner (issue 16, defect 10):
an open session alone cannot turn two-step sign-in off (which deleted the recovery codes), make
new recovery codes or change the password."""

import pytest

from lms.accounts.models import AccountAction, AccountEvent, RecoveryCode, SignInPreference
from lms.accounts.services.recovery import recovery_codes_issue
from lms.notifications.models import Notification

from .test_views_signin_code import PASSWORD, last_sms_code, outbox, parent, reauth  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]
SECURITY = "/tai-khoan/bao-mat/"


@pytest.fixture
def two_step_on(parent):  # noqa: F811
    SignInPreference.objects.create(user=parent, two_step=True, channel="sms")
    recovery_codes_issue(parent)
    return parent


def test_an_open_session_cannot_switch_two_step_off(client, two_step_on):
    client.force_login(two_step_on)
    refused = client.post(SECURITY, {"channel": "sms"})  # no two_step: "off"
    assert refused.status_code == 302 and refused.url.startswith("/tai-khoan/xac-nhan/")
    assert SignInPreference.objects.get(user=two_step_on).two_step
    assert RecoveryCode.objects.filter(user=two_step_on).count() == 10
    assert client.post(SECURITY, {"action": "recovery_new"}).status_code == 302
    assert not AccountEvent.objects.exists()


def test_a_wrong_password_does_not_confirm_and_counts(client, two_step_on):
    from axes.models import AccessFailureLog

    client.force_login(two_step_on)
    bad = client.post("/tai-khoan/xac-nhan/", {"action": "password", "password": "sai"})
    assert bad.status_code == 400 and "Mật khẩu không đúng." in bad.content.decode()
    assert client.get(SECURITY).status_code == 302
    assert AccessFailureLog.objects.filter(username="ph.lan").count() == 1


def test_after_the_password_two_step_off_is_recorded_and_told(client, two_step_on):
    client.force_login(two_step_on)
    reauth(client)
    done = client.post(SECURITY, {"channel": "sms"})
    assert done.status_code == 302 and done.url == SECURITY
    assert not SignInPreference.objects.get(user=two_step_on).two_step
    event = AccountEvent.objects.get(user=two_step_on)
    assert event.action == AccountAction.TWO_STEP_OFF and event.actor == two_step_on
    assert event.ip_address == "127.0.0.1"
    note = Notification.objects.get(user=two_step_on, event="account_security")
    assert "Tắt đăng nhập hai bước" in note.title
    assert set(note.deliveries.values_list("channel", flat=True)) == {"in_app", "sms", "email"}


def test_a_fresh_code_confirms_too(client, outbox, two_step_on):  # noqa: F811
    client.force_login(two_step_on)
    client.post("/tai-khoan/xac-nhan/", {"action": "send", "next": SECURITY})
    code = last_sms_code(outbox)
    confirmed = client.post("/tai-khoan/xac-nhan/", {"action": "code", "code": code,
                                                     "next": SECURITY})
    assert confirmed.url == SECURITY
    page = client.post(SECURITY, {"action": "recovery_new"})
    assert page.status_code == 200 and "<code>" in page.content.decode()
    assert AccountEvent.objects.filter(action=AccountAction.RECOVERY_CODES_NEW).count() == 1


def test_the_confirmation_expires(client, two_step_on, monkeypatch):
    import time as time_module

    client.force_login(two_step_on)
    reauth(client)
    assert client.get(SECURITY).status_code == 200
    later = time_module.time() + 11 * 60
    monkeypatch.setattr("lms.accounts.reauth.time.time", lambda: later)
    assert client.get(SECURITY).status_code == 302


def test_confirmation_does_not_follow_an_offsite_next(client, two_step_on):
    client.force_login(two_step_on)
    done = client.post("/tai-khoan/xac-nhan/", {"action": "password", "password": PASSWORD,
                                                "next": "https://evil.example/"})
    assert done.url == SECURITY
