import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone

from lms.accounts.models import GuardianLink
from lms.families import services
from lms.families.models import LinkCode
from lms.units.permissions import can_view_learner

pytestmark = pytest.mark.django_db


def test_teacher_makes_code_and_parent_redeems_it_once(family):
    row, code = services.link_code_create(actor=family["teacher"], learner=family["child"])
    assert len(services.normalise_code(code)) == 10
    assert code not in row.code_hash  # only the hash is stored
    newcomer = family["other_parent"]
    link = services.link_code_redeem(guardian=newcomer, code=code.lower().replace("-", " "))
    assert link.learner == family["child"]
    assert can_view_learner(newcomer, family["child"])
    with pytest.raises(services.LinkCodeInvalid):
        services.link_code_redeem(guardian=family["parent"], code=code)


def test_teacher_of_another_school_cannot_make_a_code(family):
    with pytest.raises(PermissionError):
        services.link_code_create(actor=family["other_teacher"], learner=family["child"])
    with pytest.raises(PermissionError):
        services.link_code_create(actor=family["parent"], learner=family["child"])
    assert not LinkCode.objects.exists()


def test_expired_code_is_refused(family):
    row, code = services.link_code_create(actor=family["teacher"], learner=family["child"])
    LinkCode.objects.filter(pk=row.pk).update(expires_at=timezone.now())
    with pytest.raises(services.LinkCodeInvalid):
        services.link_code_redeem(guardian=family["other_parent"], code=code)


def test_many_wrong_codes_lock_out(family):
    for _ in range(services.MAX_FAILED_REDEEMS):
        with pytest.raises(services.LinkCodeInvalid):
            services.link_code_redeem(guardian=family["other_parent"], code="AAAAA-BBBBB")
    _, code = services.link_code_create(actor=family["teacher"], learner=family["child"])
    with pytest.raises(services.LinkCodeInvalid, match="quá nhiều lần"):
        services.link_code_redeem(guardian=family["other_parent"], code=code)


def test_register_with_bad_code_creates_no_account(family):
    from lms.accounts.models import User

    before = User.objects.count()
    with pytest.raises(services.LinkCodeInvalid):
        services.parent_register(full_name="Lê Thị Hoa", phone="0987000111", email=None,
                                 password="mat-khau-dai-1", code="ZZZZZ-ZZZZZ")
    assert User.objects.count() == before


def test_register_then_sign_in_with_phone_or_email(family):
    _, code = services.link_code_create(actor=family["teacher"], learner=family["classmate"])
    user = services.parent_register(full_name="Lê Thị Hoa", phone="0987000111",
                                     email="hoa@example.vn", password="mat-khau-dai-1", code=code)
    assert can_view_learner(user, family["classmate"])
    request = RequestFactory().post("/tai-khoan/dang-nhap/")  # django-axes needs the request
    assert authenticate(request, username="+84 987 000 111", password="mat-khau-dai-1") == user
    assert authenticate(request, username="HOA@example.vn", password="mat-khau-dai-1") == user
    assert authenticate(request, username="0987000111", password="sai") is None


def test_revoked_link_loses_access_and_new_code_restores_it(family):
    services.guardian_link_revoke(actor=family["teacher"], link=family["link"])
    assert not can_view_learner(family["parent"], family["child"])
    _, code = services.link_code_create(actor=family["teacher"], learner=family["child"])
    services.link_code_redeem(guardian=family["parent"], code=code)
    assert can_view_learner(family["parent"], family["child"])
    assert GuardianLink.objects.filter(guardian=family["parent"]).count() == 1


def test_other_parent_cannot_revoke(family):
    with pytest.raises(PermissionError):
        services.guardian_link_revoke(actor=family["other_parent"], link=family["link"])
    with pytest.raises(PermissionError):
        services.guardian_link_revoke(actor=family["other_teacher"], link=family["link"])
    family["link"].refresh_from_db()
    assert family["link"].revoked_at is None
