"""Sign-in with a one-time code, end to end through the views: "sign in with a code" (SMS read
from the file adapter's outbox), two-step sign-in after the password (email through a real
aiosmtpd SMTP server), no user enumeration, throttling, safe `next`, CSRF."""

import json
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from lms.accounts.models import SignInPreference
from lms.accounts.navigation import NAV_SESSION_KEY
from tests.factories import UserFactory, learner_in
from tests.notifications.conftest import smtp_server  # noqa: F401 - a fixture, used below

# The tests read the SMS outbox and SMTP server they set up here, which .ci/run's separate
# Celery worker cannot see: the delivery task runs in this process.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]
FILE = "lms.notifications.channels.gateways.FileAdapter"
PASSWORD = "mat-khau-thu"  # UserFactory's


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox(settings, tmp_path):
    settings.NOTIFICATIONS_OUTBOX_DIR = str(tmp_path)
    settings.NOTIFICATIONS_ADAPTERS = {"sms": FILE, "zalo": FILE}
    return Path(tmp_path)


def last_sms_code(outbox: Path) -> str:
    lines = (outbox / "sms.jsonl").read_text().splitlines()
    return re.search(r"\b(\d{6})\b", json.loads(lines[-1])["text"]).group(1)


@pytest.fixture
def parent(school_tree):
    from lms.accounts.models import GuardianLink

    child = learner_in(school_tree["class_b"], full_name="Nguyễn Minh An")
    user = UserFactory(username="ph.lan", phone="0912111222", email="lan@example.vn",
                       full_name="Phạm Thị Lan")
    GuardianLink.objects.create(guardian=user, learner=child)
    return user


def reauth(client, password: str = PASSWORD) -> None:
    """Confirms the password (security changes need a fresh confirmation, issue 16)."""
    done = client.post("/tai-khoan/xac-nhan/", {"action": "password", "password": password,
                                                "next": "/tai-khoan/bao-mat/"})
    assert done.status_code == 302 and done.url == "/tai-khoan/bao-mat/"


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_parent_signs_in_with_a_code_by_sms(client, outbox, parent):
    page = client.get("/tai-khoan/dang-nhap/")
    assert "/tai-khoan/dang-nhap-bang-ma/" in page.content.decode()
    response = client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912 111 222"})
    assert response.status_code == 302 and response.url == "/tai-khoan/dang-nhap-bang-ma/nhap-ma/"
    code = last_sms_code(outbox)
    wrong = client.post(response.url, {"code": _wrong(code)})
    assert wrong.status_code == 400
    assert "Mã không đúng hoặc đã hết hạn." in wrong.content.decode()
    done = client.post(response.url, {"code": code}, follow=True)
    assert done.redirect_chain[-1][0] == "/phu-huynh/"
    assert done.context["user"] == parent
    assert client.session[NAV_SESSION_KEY]["parent"] is True  # user_logged_in fired
    # single use: a new session cannot reuse it
    other = Client()
    cache.clear()  # a minute later: every spelling of the number shares one request budget
    other.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222"})
    assert other.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": code}).status_code == 400


def test_no_enumeration_same_answer_for_unknown_phone(client, outbox, parent):
    known = client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222"},
                        follow=True)
    unknown_client = Client()
    unknown = unknown_client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912000999"},
                                  follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    strip = re.compile(r'csrfmiddlewaretoken" value="[^"]+"|0912111222|0912000999')
    assert strip.sub("", known.content.decode()) == strip.sub("", unknown.content.decode())
    bad = unknown_client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": "123456"})
    assert bad.status_code == 400
    assert "Mã không đúng hoặc đã hết hạn." in bad.content.decode()
    assert len((outbox / "sms.jsonl").read_text().splitlines()) == 1  # only the real account


def test_code_requests_are_throttled(client, outbox, parent):
    client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222"})
    again = Client().post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222"})
    assert again.status_code == 429
    assert "quá nhiều lần" in again.content.decode()
    resend = client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"action": "resend"},
                         follow=True)
    assert "quá nhiều lần" in resend.content.decode()
    assert len((outbox / "sms.jsonl").read_text().splitlines()) == 1


def test_five_wrong_codes_end_the_attempt(client, outbox, parent):
    client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222"})
    code = last_sms_code(outbox)
    for _ in range(4):
        assert client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/",
                           {"code": _wrong(code)}).status_code == 400
    last = client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": _wrong(code)})
    assert last.status_code == 302 and last.url == "/tai-khoan/dang-nhap-bang-ma/"
    assert client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": code}).status_code == 302
    assert "_auth_user_id" not in client.session


def test_next_is_kept_when_local_and_dropped_when_offsite(client, outbox, parent):
    client.post("/tai-khoan/dang-nhap-bang-ma/?next=https://evil.example/",
                {"identifier": "0912111222", "next": "https://evil.example/"})
    done = client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": last_sms_code(outbox)})
    assert done.url == "/phu-huynh/"
    client.logout()
    cache.clear()
    client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912111222",
                                                 "next": "/thong-bao/"})
    done = client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": last_sms_code(outbox)})
    assert done.url == "/thong-bao/"


def test_csrf_is_required(outbox, parent):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/tai-khoan/dang-nhap-bang-ma/",
                       {"identifier": "0912111222"}).status_code == 403
    assert strict.post("/tai-khoan/hai-buoc/", {"code": "123456"}).status_code == 403


def test_two_step_by_email_through_real_smtp(client, smtp_server, parent):  # noqa: F811
    SignInPreference.objects.create(user=parent, two_step=True, channel="email")
    response = client.post("/tai-khoan/dang-nhap/?next=/thong-bao/",
                           {"username": "lan@example.vn", "password": PASSWORD,
                            "next": "/thong-bao/"})
    assert response.status_code == 302 and response.url == "/tai-khoan/hai-buoc/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    [(rcpt, message)] = smtp_server.messages
    assert rcpt == ["lan@example.vn"]
    assert message["Subject"].startswith("Mã đăng nhập HọcMở: ")
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Xin chào Phạm Thị Lan" in body
    code = re.search(r"\b(\d{6})\b", body).group(1)
    page = client.get("/tai-khoan/hai-buoc/")
    assert "tới email của bạn" in page.content.decode()
    done = client.post("/tai-khoan/hai-buoc/", {"code": code})
    assert done.status_code == 302 and done.url == "/thong-bao/"
    assert int(client.session["_auth_user_id"]) == parent.pk
    assert client.session[NAV_SESSION_KEY]["parent"] is True


def test_two_step_by_sms_and_wrong_codes(client, outbox, parent):
    SignInPreference.objects.create(user=parent, two_step=True, channel="sms")
    client.post("/tai-khoan/dang-nhap/", {"username": "0912111222", "password": PASSWORD})
    code = last_sms_code(outbox)
    for _ in range(4):
        client.post("/tai-khoan/hai-buoc/", {"code": _wrong(code)})
    last = client.post("/tai-khoan/hai-buoc/", {"code": _wrong(code)})
    assert last.status_code == 302 and last.url == "/tai-khoan/dang-nhap/"
    assert "_auth_user_id" not in client.session
    assert client.post("/tai-khoan/hai-buoc/", {"code": code}).url == "/tai-khoan/dang-nhap/"


@pytest.mark.parametrize("admin_login", ["/admin/login/", "/django-admin/login/"])
def test_admin_login_forms_cannot_skip_two_step(client, outbox, parent, admin_login):
    SignInPreference.objects.create(user=parent, two_step=True, channel="sms")
    parent.is_staff = True
    parent.save(update_fields=["is_staff"])
    # Both admin login URLs (and the redirect Wagtail sends the signed-out to) end at the
    # site's sign-in, next= kept; a POST with the password alone signs nobody in.
    to_site = client.get(f"{admin_login}?next=/admin/pages/")
    assert to_site.status_code == 302
    assert to_site.url == "/tai-khoan/dang-nhap/?next=/admin/pages/"
    assert client.get("/admin/").url.startswith("/admin/login/")
    client.post(admin_login, {"username": "0912111222", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    asked = client.post(to_site.url, {"username": "0912111222", "password": PASSWORD})
    assert asked.url == "/tai-khoan/hai-buoc/" and "_auth_user_id" not in client.session
    done = client.post("/tai-khoan/hai-buoc/", {"code": last_sms_code(outbox)})
    assert done.url == "/admin/pages/"


def test_two_step_is_not_asked_with_a_wrong_password_or_when_off(client, outbox, parent):
    wrong = client.post("/tai-khoan/dang-nhap/", {"username": "0912111222", "password": "sai-roi"})
    assert wrong.status_code == 200 and not (outbox / "sms.jsonl").exists()
    off = client.post("/tai-khoan/dang-nhap/", {"username": "0912111222", "password": PASSWORD})
    assert off.url == "/tai-khoan/"  # phone + password still signs in directly
    assert int(client.session["_auth_user_id"]) == parent.pk


def test_security_page_turns_two_step_on_and_off(client, parent):
    client.force_login(parent)
    reauth(client)
    page = client.get("/tai-khoan/bao-mat/")
    assert "Tin nhắn SMS tới 0912111222" in page.content.decode()
    client.post("/tai-khoan/bao-mat/", {"two_step": "on", "channel": "email"})
    pref = SignInPreference.objects.get(user=parent)
    assert pref.two_step and pref.channel == "email"
    client.post("/tai-khoan/bao-mat/", {"channel": "email"})
    assert SignInPreference.objects.get(user=parent).two_step is False
    bad = client.post("/tai-khoan/bao-mat/", {"two_step": "on", "channel": "zalo"})
    assert bad.status_code == 400


def test_two_step_page_without_a_pending_sign_in_goes_to_login(client):
    assert client.get("/tai-khoan/hai-buoc/").url == "/tai-khoan/dang-nhap/"
    assert client.get("/tai-khoan/dang-nhap-bang-ma/nhap-ma/").url == "/tai-khoan/dang-nhap-bang-ma/"
