"""Account recovery (issue 16, defect 2): "Quên mật khẩu?" on the sign-in page; a link by
email (a real SMTP server) or a code by SMS (the file adapter's outbox); the same answer for
unknown accounts; throttled; both languages; "Đổi mật khẩu" needs the current password; each
change is recorded and the owner told."""

import re

import pytest
from django.test import Client

from lms.accounts.models import AccountAction, AccountEvent
from lms.notifications.models import Notification
from tests.factories import UserFactory

from .test_views_lockout import _lock
from .test_views_signin_code import PASSWORD, last_sms_code, outbox, parent, smtp_server  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]
RESET = "/tai-khoan/quen-mat-khau/"
NEW = "mat-khau-moi-2026"


def _signs_in(username, password) -> bool:
    client = Client()
    client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


def test_sign_in_page_links_to_forgot_password_in_both_languages(client):
    page = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert f'href="{RESET}"' in page and "Quên mật khẩu?" in page
    client.cookies["hocmo_lang"] = "en"
    english = client.get(RESET).content.decode()
    assert "Forgot your password" in english and "Send me instructions" in english
    assert client.get("/accounts/password_reset/").url == RESET


def test_reset_by_email_link_through_real_smtp(client, smtp_server, parent):  # noqa: F811
    response = client.post(RESET, {"identifier": "lan@example.vn"})
    assert response.status_code == 302 and response.url == "/tai-khoan/dang-nhap/"
    [(rcpt, message)] = smtp_server.messages
    assert rcpt == ["lan@example.vn"] and message["Subject"] == "Đặt lại mật khẩu HọcMở"
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https://hocmo\.example\.vn(/tai-khoan/dat-mat-khau/\S+/)", body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0],
                       {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    assert _signs_in("ph.lan", NEW) and not _signs_in("ph.lan", PASSWORD)
    assert AccountEvent.objects.filter(user=parent, action=AccountAction.PASSWORD_RESET).exists()
    assert Notification.objects.filter(user=parent, event="account_security").exists()
    # The link works once.
    again = client.get(link, follow=True)
    assert "new_password1" not in again.content.decode()


def test_reset_by_sms_code_and_it_lifts_a_lockout(client, outbox, parent):  # noqa: F811
    _lock("ph.lan")
    response = client.post(RESET, {"identifier": "0912 111 222"})
    assert response.url == "/tai-khoan/quen-mat-khau/nhap-ma/"
    code = last_sms_code(outbox)
    wrong = "000000" if code != "000000" else "111111"
    bad = client.post(response.url, {"code": wrong, "new_password1": NEW, "new_password2": NEW})
    assert bad.status_code == 400 and "Mã không đúng" in bad.content.decode()
    short = client.post(response.url, {"code": code, "new_password1": "ngan",
                                       "new_password2": "ngan"})
    assert short.status_code == 400  # the password validators apply; the code is not spent
    done = client.post(response.url, {"code": code, "new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done.url == "/tai-khoan/dang-nhap/"
    assert _signs_in("0912111222", NEW)  # unlocked: the owner proved they hold the phone
    assert client.post(response.url, {"code": code, "new_password1": "x" * 12,
                                      "new_password2": "x" * 12}).status_code == 302


def test_same_answer_for_unknown_accounts_and_nothing_sent(client, outbox, parent):  # noqa: F811
    strip = re.compile(r'csrfmiddlewaretoken" value="[^"]+"|0912111222|0912000999')
    known = client.post(RESET, {"identifier": "0912111222"}, follow=True)
    unknown = Client().post(RESET, {"identifier": "0912000999"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert strip.sub("", known.content.decode()) == strip.sub("", unknown.content.decode())
    by_mail = Client().post(RESET, {"identifier": "khong-co@example.vn"})
    assert by_mail.status_code == 302 and by_mail.url == "/tai-khoan/dang-nhap/"
    assert len((outbox / "sms.jsonl").read_text().splitlines()) == 1


def test_requests_are_throttled(client, outbox, parent):  # noqa: F811
    assert client.post(RESET, {"identifier": "0912111222"}).status_code == 302
    again = Client().post(RESET, {"identifier": "0912111222"})
    assert again.status_code == 429 and "quá nhiều lần" in again.content.decode()
    for i in range(4):
        Client().post(RESET, {"identifier": f"09120000{i:02d}"})
    from_address = Client().post(RESET, {"identifier": "0912000077"})
    assert from_address.status_code == 429  # 5 a minute from one address
    assert len((outbox / "sms.jsonl").read_text().splitlines()) == 1
    assert client.post(RESET, {"identifier": "khong phai so"}).status_code == 400


def test_change_password_needs_the_current_one(client, parent):  # noqa: F811
    client.force_login(parent)
    page = client.get("/tai-khoan/doi-mat-khau/")
    assert page.status_code == 200 and "old_password" in page.content.decode()
    wrong = client.post("/tai-khoan/doi-mat-khau/", {"old_password": "doan-sai",
                                                    "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 400 and _signs_in("ph.lan", PASSWORD)
    done = client.post("/tai-khoan/doi-mat-khau/", {"old_password": PASSWORD,
                                                   "new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and "_auth_user_id" in client.session  # still signed in
    assert _signs_in("ph.lan", NEW)
    assert AccountEvent.objects.filter(user=parent,
                                       action=AccountAction.PASSWORD_CHANGED).exists()
    [note] = Notification.objects.filter(user=parent, event="account_security")
    assert "Đổi mật khẩu" in note.title
    assert set(note.deliveries.values_list("channel", flat=True)) >= {"sms", "email"}


def test_an_account_without_a_password_sets_one_after_a_code(client, outbox):  # noqa: F811
    user = UserFactory(username="ph.moi", phone="0912777888", password=None)
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    first = client.get("/tai-khoan/doi-mat-khau/")
    assert first.url.startswith("/tai-khoan/xac-nhan/")
    client.post("/tai-khoan/xac-nhan/", {"action": "send", "next": "/tai-khoan/doi-mat-khau/"})
    confirmed = client.post("/tai-khoan/xac-nhan/", {"action": "code",
                                                     "code": last_sms_code(outbox),
                                                     "next": "/tai-khoan/doi-mat-khau/"})
    assert confirmed.url == "/tai-khoan/doi-mat-khau/"
    done = client.post("/tai-khoan/doi-mat-khau/", {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and _signs_in("ph.moi", NEW)


def test_another_spelling_of_the_number_gets_no_fresh_budget(client, outbox, parent):  # noqa: F811
    assert client.post(RESET, {"identifier": "0912111222"}).status_code == 302
    for spelling in ("+84 912 111 222", "84912111222", "0912-111-222"):
        again = Client(REMOTE_ADDR=f"10.0.0.{len(spelling)}").post(
            RESET, {"identifier": spelling})
        assert again.status_code == 429, spelling
    assert len((outbox / "sms.jsonl").read_text().splitlines()) == 1


def test_the_admin_sites_password_pages_lead_to_the_sites_own(client, parent):  # noqa: F811
    assert client.get("/admin/password_reset/").url == RESET
    assert client.get("/admin/password_reset/done/").url == RESET
    client.force_login(parent)
    assert client.get("/django-admin/password_change/").url == "/tai-khoan/doi-mat-khau/"
