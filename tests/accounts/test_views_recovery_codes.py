"""Recovery codes for two-step sign-in: shown once when two-step is turned on, stored only as
HMACs, each usable once in place of the SMS/email code, replaced when new ones are made."""

import re

import pytest
from django.test import Client

from lms.accounts.models import RecoveryCode, SignInPreference
from lms.accounts.services import recovery

from .test_views_signin_code import PASSWORD, outbox, parent, reauth  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]
CODE_RE = re.compile(r"<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>")


def _turn_on(client, user) -> list[str]:
    client.force_login(user)
    reauth(client)
    page = client.post("/tai-khoan/bao-mat/", {"two_step": "on", "channel": "sms"})
    assert page.status_code == 200 and "no-cache" in page.headers["Cache-Control"]
    codes = CODE_RE.findall(page.content.decode())
    client.logout()
    return codes


def _password_step(client):
    asked = client.post("/tai-khoan/dang-nhap/", {"username": "0912111222", "password": PASSWORD})
    assert asked.url == "/tai-khoan/hai-buoc/"


def test_turning_two_step_on_shows_ten_codes_once_stored_only_as_hmacs(client, outbox, parent):  # noqa: F811
    codes = _turn_on(client, parent)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = set(RecoveryCode.objects.filter(user=parent).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code.replace("-", "") in h or code in h for code in codes for h in stored)
    client.force_login(parent)
    reauth(client)
    again = client.get("/tai-khoan/bao-mat/").content.decode()
    assert CODE_RE.findall(again) == [] and "Bạn còn 10 mã dự phòng" in again
    # Saving the form again (already on) makes no new codes.
    client.post("/tai-khoan/bao-mat/", {"two_step": "on", "channel": "email"})
    assert set(RecoveryCode.objects.filter(user=parent).values_list(
        "code_hash", flat=True)) == stored


def test_a_recovery_code_signs_in_once(client, outbox, parent):  # noqa: F811
    codes = _turn_on(client, parent)
    _password_step(client)
    typed = codes[3].lower().replace("-", " ")  # case and separators do not matter
    done = client.post("/tai-khoan/hai-buoc/", {"action": "recovery", "recovery_code": typed})
    assert done.status_code == 302 and int(client.session["_auth_user_id"]) == parent.pk
    assert recovery.recovery_codes_left(parent) == 9

    other = Client()
    _password_step(other)
    reused = other.post("/tai-khoan/hai-buoc/", {"action": "recovery", "recovery_code": codes[3]})
    assert reused.status_code == 400 and "_auth_user_id" not in other.session
    assert "Mã không đúng hoặc đã hết hạn." in reused.content.decode()


def test_wrong_recovery_codes_count_towards_the_five_tries(client, outbox, parent):  # noqa: F811
    codes = _turn_on(client, parent)
    _password_step(client)
    for _ in range(4):
        wrong = client.post("/tai-khoan/hai-buoc/",
                            {"action": "recovery", "recovery_code": "ABCDE-FGHJK"})
        assert wrong.status_code == 400
    last = client.post("/tai-khoan/hai-buoc/", {"action": "recovery", "recovery_code": "AAAAA"})
    assert last.url == "/tai-khoan/dang-nhap/" and "_auth_user_id" not in client.session
    # The pending sign-in is gone: even a right code now needs the password again.
    late = client.post("/tai-khoan/hai-buoc/", {"action": "recovery", "recovery_code": codes[0]})
    assert late.url == "/tai-khoan/dang-nhap/" and recovery.recovery_codes_left(parent) == 10


def test_new_codes_replace_the_old_and_turning_off_forgets_them(client, outbox, parent):  # noqa: F811
    old = _turn_on(client, parent)
    client.force_login(parent)
    reauth(client)
    page = client.post("/tai-khoan/bao-mat/", {"action": "recovery_new"})
    new = CODE_RE.findall(page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert not recovery.recovery_code_use(parent, old[0])
    assert recovery.recovery_code_use(parent, new[0])
    client.post("/tai-khoan/bao-mat/", {"channel": "sms"})  # two-step off
    assert not SignInPreference.objects.get(user=parent).two_step
    assert not RecoveryCode.objects.filter(user=parent).exists()
    # With two-step off there is nothing to make codes for.
    assert client.post("/tai-khoan/bao-mat/", {"action": "recovery_new"}).status_code == 302
    assert not RecoveryCode.objects.filter(user=parent).exists()


def test_codes_are_per_user_and_the_page_needs_sign_in_and_csrf(client, outbox, parent):  # noqa: F811
    from tests.factories import UserFactory

    codes = _turn_on(client, parent)
    someone = UserFactory()
    assert not recovery.recovery_code_use(someone, codes[0])
    assert client.get("/tai-khoan/bao-mat/").status_code == 302  # signed out → login
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(parent)
    assert strict.post("/tai-khoan/bao-mat/", {"action": "recovery_new"}).status_code == 403
    assert recovery.recovery_codes_left(parent) == 10
