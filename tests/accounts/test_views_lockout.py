"""Brute-force protection (issue 16, defect 3): django-axes counts every failed sign-in by
account (whatever identifier was typed) and by address; the code paths count too; a school
admin lifts a lockout for their pupils, a platform admin for anyone; failures are audited."""

import pytest
from axes.models import AccessFailureLog
from django.test import Client

from lms.accounts.models import AccountAction, AccountEvent
from lms.units.models import RoleKind
from tests.factories import UserFactory, learner_in, staff_at

from .test_views_signin_code import PASSWORD, last_sms_code, outbox  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]
LOGIN = "/tai-khoan/dang-nhap/"


def _sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_sixty_wrong_passwords_then_the_right_one_is_refused(client):
    UserFactory(username="canbo.bo", phone="0912000111")
    for _ in range(60):
        assert _sign_in(client, "canbo.bo", "doan-sai").status_code in (200, 429)
    right = _sign_in(client, "canbo.bo")
    assert right.status_code == 429 and not _signed_in(client)
    assert "Tạm khóa đăng nhập" in right.content.decode()
    # Locked for the account, from another address too (per account), by username or phone.
    other = Client(REMOTE_ADDR="10.9.9.9")
    assert _sign_in(other, "canbo.bo").status_code == 429
    assert _sign_in(other, "0912000111").status_code == 429 and not _signed_in(other)
    # Audited: every failure is in axes' failure log, with the address.
    logged = AccessFailureLog.objects.filter(username="canbo.bo")
    assert logged.count() >= 60 and logged.filter(locked_out=True).exists()


def test_the_same_by_phone_number_in_any_spelling(client):
    UserFactory(username="canbo.phong", phone="0912000222")
    spellings = ["0912000222", "0912 000 222", "+84912000222", "84 912 000 222"]
    for i in range(60):
        _sign_in(client, spellings[i % 4], "doan-sai")
    assert _sign_in(client, "0912000222").status_code == 429
    assert _sign_in(Client(REMOTE_ADDR="10.9.9.8"), "canbo.phong").status_code == 429
    assert AccessFailureLog.objects.filter(username="canbo.phong").count() >= 10


def test_below_the_limit_the_right_password_signs_in_and_clears_the_count(client):
    UserFactory(username="hs.quen")
    for _ in range(9):
        _sign_in(client, "hs.quen", "doan-sai")
    assert _sign_in(client, "hs.quen").status_code == 302 and _signed_in(client)
    client.logout()
    for _ in range(9):  # the count restarted at the successful sign-in
        _sign_in(client, "hs.quen", "doan-sai")
    assert _sign_in(client, "hs.quen").status_code == 302


def test_unknown_accounts_lock_the_same_way_saying_nothing_about_existence(client):
    UserFactory(username="that")
    for name in ("that", "khong-co-ai"):
        for _ in range(10):
            _sign_in(client, name, "doan-sai")
    known = _sign_in(client, "that")
    unknown = _sign_in(client, "khong-co-ai")
    assert known.status_code == unknown.status_code == 429
    strip = lambda r: r.content.decode().split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(known) == strip(unknown)


def test_per_address_limit_across_many_accounts(client, settings):
    settings.HOCMO_SIGNIN_ADDRESS_FAILURES = 20
    UserFactory(username="nan.nhan")
    for i in range(20):  # one guess at each of 20 accounts: no account reaches its limit
        _sign_in(client, f"ai-do-{i}", "doan-sai")
    assert _sign_in(client, "nan.nhan").status_code == 429  # this address is locked
    assert _sign_in(Client(REMOTE_ADDR="10.1.1.1"), "nan.nhan").status_code == 302


def test_wrong_codes_at_sign_in_with_a_code_count(client, outbox, settings):  # noqa: F811
    settings.HOCMO_SIGNIN_ACCOUNT_FAILURES = 3
    UserFactory(username="ph.ma", phone="0912333444")
    client.post("/tai-khoan/dang-nhap-bang-ma/", {"identifier": "0912333444"})
    code = last_sms_code(outbox)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(3):
        client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": wrong})
    right = client.post("/tai-khoan/dang-nhap-bang-ma/nhap-ma/", {"code": code})
    assert right.status_code == 429 and not _signed_in(client)
    assert _sign_in(Client(), "ph.ma").status_code == 429  # the account, not the path


def test_wrong_two_step_codes_count(client, outbox, settings):  # noqa: F811
    from lms.accounts.models import SignInPreference

    settings.HOCMO_SIGNIN_ACCOUNT_FAILURES = 3
    user = UserFactory(username="gv.haibuoc", phone="0912555666")
    SignInPreference.objects.create(user=user, two_step=True, channel="sms")
    assert _sign_in(client, "gv.haibuoc").url == "/tai-khoan/hai-buoc/"
    code = last_sms_code(outbox)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(2):
        client.post("/tai-khoan/hai-buoc/", {"code": wrong})
    client.post("/tai-khoan/hai-buoc/", {"action": "recovery", "recovery_code": "ABCDE-FGHJK"})
    right = client.post("/tai-khoan/hai-buoc/", {"code": code})
    assert right.status_code == 429 and not _signed_in(client)


def _lock(username: str) -> None:
    attacker = Client(REMOTE_ADDR="10.6.6.6")
    for _ in range(10):
        _sign_in(attacker, username, "doan-sai")
    assert _sign_in(Client(), username).status_code == 429


def test_school_admin_unlocks_their_pupil_and_not_another_schools(client, school_tree):
    pupil = learner_in(school_tree["class_a"], username="hs.a")
    other = learner_in(school_tree["class_b"], username="hs.b")
    admin = staff_at(school_tree["school_a"], RoleKind.SCHOOL_ADMIN, username="ql.a")
    _lock("hs.a")
    _lock("hs.b")
    client.force_login(admin)
    page = client.get("/tai-khoan/khoa-dang-nhap/").content.decode()
    assert "hs.a" in page and "hs.b" not in page
    assert client.post("/tai-khoan/khoa-dang-nhap/", {"username": "hs.b"}).status_code == 404
    assert _sign_in(Client(), "hs.b").status_code == 429
    done = client.post("/tai-khoan/khoa-dang-nhap/", {"username": "hs.a"})
    assert done.status_code == 302
    assert _sign_in(Client(), "hs.a").status_code == 302
    assert AccountEvent.objects.filter(user=pupil, actor=admin,
                                       action=AccountAction.LOCKOUT_LIFTED).exists()
    assert not AccountEvent.objects.filter(user=other).exists()


def test_teachers_and_pupils_get_404_platform_admin_unlocks_anyone(client, school_tree):
    teacher = staff_at(school_tree["class_a"], RoleKind.TEACHER, username="gv.a")
    UserFactory(username="canbo.so")
    _lock("canbo.so")
    client.force_login(teacher)
    assert client.get("/tai-khoan/khoa-dang-nhap/").status_code == 404
    assert client.post("/tai-khoan/khoa-dang-nhap/", {"username": "canbo.so"}).status_code == 404
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    assert "canbo.so" in client.get("/tai-khoan/khoa-dang-nhap/").content.decode()
    client.post("/tai-khoan/khoa-dang-nhap/", {"username": "canbo.so"})
    assert _sign_in(Client(), "canbo.so").status_code == 302
