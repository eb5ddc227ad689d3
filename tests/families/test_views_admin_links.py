"""The school admin's linking screen: forbidden paths (teacher, another school's admin, parent,
learner outside the school → 404), idempotent linking, parent creation with an invitation,
and the audit trail of links and revokes."""

import pytest
from django.test import Client

from lms.accounts.models import GuardianLink, User
from lms.families.models import GuardianLinkEvent
from lms.notifications.models import Notification
from lms.units.models import RoleKind
from tests.factories import UserFactory, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins(family, school_tree):
    return {
        "admin": staff_at(school_tree["school_b"], RoleKind.SCHOOL_ADMIN, username="ht.b",
                          full_name="Hiệu trưởng B"),
        "other_admin": staff_at(school_tree["school_a"], RoleKind.SCHOOL_ADMIN, username="ht.a"),
        "officer": staff_at(school_tree["so"], RoleKind.OFFICER, username="cb.so"),
    }


def url_school(family):
    return f"/phu-huynh/truong/{family['class'].get_parent().pk}/"


def url_learner(family, learner=None):
    learner = learner or family["classmate"]
    return f"{url_school(family)}hoc-sinh/{learner.pk}/"


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_admin_sees_classes_learners_and_links(family, admins):
    client = as_user(admins["admin"])
    assert client.get("/phu-huynh/truong/").url == url_school(family)  # one school: straight in
    page = client.get(url_school(family))
    assert page.status_code == 200 and "Lớp 12A1" in page.content.decode()
    roster = client.get(url_school(family) + f"?lop={family['class'].pk}").content.decode()
    assert "Nguyễn Minh An" in roster and "Nguyễn Văn Ba" in roster  # learner and parent
    assert "Hủy liên kết Nguyễn Văn Ba" in roster
    assert url_learner(family) in roster


def test_officer_above_the_school_may_link(family, admins):
    client = as_user(admins["officer"])
    assert client.get("/phu-huynh/truong/").status_code == 200  # several schools: a list
    assert client.get(url_learner(family)).status_code == 200


@pytest.mark.parametrize("who", ["teacher", "other_admin", "parent", "child", "other_teacher"])
def test_forbidden_users_get_404(family, admins, who):
    user = admins.get(who) or family[who]
    client = as_user(user)
    assert client.get(url_school(family)).status_code == 404
    assert client.get(url_learner(family)).status_code == 404
    response = client.post(url_learner(family), {"action": "find",
                                                 "find-identifier": "0912000001"})
    assert response.status_code == 404
    assert not GuardianLink.objects.filter(learner=family["classmate"]).exists()


def test_anonymous_is_sent_to_login(family):
    assert Client().get(url_school(family)).url.startswith("/tai-khoan/dang-nhap/")


def test_learner_of_another_school_is_404_for_the_admin(family, admins):
    client = as_user(admins["admin"])
    assert client.get(url_learner(family, family["other_child"])).status_code == 404
    other_school = family["other_class"].get_parent()
    assert client.get(f"/phu-huynh/truong/{other_school.pk}/").status_code == 404
    assert client.get(url_school(family) + f"?lop={family['other_class'].pk}").status_code == 404


def test_linking_an_existing_parent_is_idempotent_and_audited(family, admins):
    client = as_user(admins["admin"])
    data = {"action": "find", "find-identifier": "+84 912 000 001"}  # family["parent"]
    first = client.post(url_learner(family), data, follow=True)
    assert "Đã liên kết Nguyễn Văn Ba với Trần Thu Bình." in first.content.decode()
    again = client.post(url_learner(family), data, follow=True)
    assert "đã được liên kết với Trần Thu Bình từ trước" in again.content.decode()
    link = GuardianLink.objects.get(guardian=family["parent"], learner=family["classmate"])
    [event] = GuardianLinkEvent.objects.filter(link=link)
    assert (event.action, event.via, event.actor) == ("linked", "admin", admins["admin"])
    assert "Hiệu trưởng B" in again.content.decode()  # the history shows who


def test_unknown_parent_is_a_form_error(family, admins):
    response = as_user(admins["admin"]).post(url_learner(family), {
        "action": "find", "find-identifier": "0999888777"})
    assert response.status_code == 400
    assert "Không tìm thấy đúng một tài khoản" in response.content.decode()


def test_create_parent_sends_invitation_and_twice_creates_nothing_new(family, admins, settings,
                                                                      django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client = as_user(admins["admin"])
    data = {"action": "create", "new-full_name": "Lê Thị Hoa", "new-phone": "0977 555 111",
            "new-email": "hoa@example.vn"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url_learner(family), data, follow=True)
    assert "Đã tạo tài khoản cho Lê Thị Hoa" in first.content.decode()
    hoa = User.objects.get(phone="0977555111")
    assert not hoa.has_usable_password()
    assert GuardianLink.objects.filter(guardian=hoa, learner=family["classmate"],
                                       revoked_at__isnull=True).exists()
    invite = Notification.objects.get(user=hoa, event="guardian_invite")
    assert invite.url.startswith("/tai-khoan/dat-mat-khau/")
    assert invite.sms_text.isascii() and len(invite.sms_text) <= 160
    assert set(invite.deliveries.values_list("channel", flat=True)) == {"in_app", "sms", "email"}
    second = client.post(url_learner(family), data, follow=True)
    assert "đã có tài khoản (Lê Thị Hoa)" in second.content.decode()
    assert User.objects.filter(phone="0977555111").count() == 1
    assert GuardianLinkEvent.objects.filter(link__guardian=hoa).count() == 1


def test_an_email_shared_by_several_accounts_gets_no_further_account(family, admins):
    UserFactory(username="a1", email="chung@example.vn")
    UserFactory(username="a2", email="Chung@example.vn")
    response = as_user(admins["admin"]).post(url_learner(family), {
        "action": "create", "new-full_name": "Lê Văn Chung", "new-phone": "",
        "new-email": "chung@example.vn"})
    assert response.status_code == 400
    assert "Email này đã thuộc nhiều tài khoản" in response.content.decode()
    assert User.objects.filter(email__iexact="chung@example.vn").count() == 2


def test_set_password_link_sets_the_password(family, admins):
    from lms.families.admin_links import set_password_path

    hoa = UserFactory(username="0977555111", phone="0977555111", password=None)
    client = Client()
    invite_path = set_password_path(hoa)
    step = client.get(invite_path)
    assert step.status_code == 302  # Django swaps the token into the session
    done = client.post(step.url, {"new_password1": "hoa-hoc-cung-con-25",
                                  "new_password2": "hoa-hoc-cung-con-25"})
    assert done.status_code == 302 and done.url == "/tai-khoan/dat-mat-khau/xong/"
    hoa.refresh_from_db()
    assert hoa.check_password("hoa-hoc-cung-con-25")
    spent = Client().get(invite_path, follow=True)  # the token changed with the password
    assert "không còn hiệu lực" in spent.content.decode()


def test_revoke_from_the_admin_screen_is_audited_and_redirects_safely(family, admins):
    client = as_user(admins["admin"])
    link = family["link"]
    response = client.post(f"/phu-huynh/lien-ket/{link.pk}/huy/",
                           {"next": "https://evil.example/"})
    assert response.url == "/phu-huynh/"
    link.refresh_from_db()
    assert link.revoked_at is not None
    event = GuardianLinkEvent.objects.get(link=link, action="revoked")
    assert event.actor == admins["admin"]
    # re-linking revives the same row, audited again
    client.post(url_learner(family, family["child"]), {"action": "find",
                                                       "find-identifier": "0912000001"})
    link.refresh_from_db()
    assert link.revoked_at is None
    assert GuardianLinkEvent.objects.filter(link=link, action="linked").count() == 1


def test_a_learner_cannot_be_linked_to_itself(family, admins):
    family["classmate"].phone = "0912777888"
    family["classmate"].save()
    response = as_user(admins["admin"]).post(url_learner(family), {
        "action": "find", "find-identifier": "0912777888"})
    assert response.status_code == 400
    assert not GuardianLink.objects.filter(learner=family["classmate"]).exists()
