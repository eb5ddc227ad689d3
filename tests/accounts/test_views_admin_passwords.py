"""A school admin gives pupils new passwords and prints them (issue 16, defect 2): only pupils
of classes in the admin's school; another school's class or pupil, a teacher, a staff account
enrolled in a class: 404. Each new password is recorded with the admin as actor."""

import re

import pytest
from django.test import Client

from lms.accounts.models import AccountAction, AccountEvent
from lms.units.models import RoleKind
from lms.units.services import role_grant
from tests.factories import learner_in, staff_at

from .test_views_lockout import _lock

pytestmark = pytest.mark.django_db
SLIP = re.compile(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")


def _signs_in(username, password) -> bool:
    client = Client()
    client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


@pytest.fixture
def school(school_tree):
    tree = school_tree
    return {
        **tree,
        "an": learner_in(tree["class_a"], username="hs.an", full_name="Lò Văn An"),
        "binh": learner_in(tree["class_a"], username="hs.binh", full_name="Hà Thị Bình"),
        "xa": learner_in(tree["class_b"], username="hs.xa", full_name="Trường Khác"),
        "admin": staff_at(tree["school_a"], RoleKind.SCHOOL_ADMIN, username="ql.a"),
    }


def test_admin_prints_new_passwords_for_a_class(client, school):
    client.force_login(school["admin"])
    listing = client.get("/tai-khoan/hoc-sinh/").content.decode()
    assert "Lớp 9A" in listing and "Lớp 12A1" not in listing
    url = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    page = client.get(url).content.decode()
    assert "Lò Văn An" in page and "Hà Thị Bình" in page and "Trường Khác" not in page
    printed = client.post(url, {"action": "reset",
                                "learner": [school["an"].pk, school["binh"].pk]})
    assert printed.status_code == 200 and "no-store" in printed["Cache-Control"]
    html = printed.content.decode()
    passwords = SLIP.findall(html)
    assert len(passwords) == 2 and "hs.an" in html and "hs.binh" in html
    assert _signs_in("hs.an", passwords[0]) and _signs_in("hs.binh", passwords[1])
    assert not _signs_in("hs.an", "mat-khau-thu")
    events = AccountEvent.objects.filter(actor=school["admin"],
                                         action=AccountAction.PASSWORD_SET_BY_ADMIN)
    assert set(events.values_list("user__username", flat=True)) == {"hs.an", "hs.binh"}


def test_one_pupil_and_it_lifts_their_lockout(client, school):
    _lock("hs.an")
    client.force_login(school["admin"])
    url = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    assert "Đang bị tạm khóa" in client.get(url).content.decode()
    [password] = SLIP.findall(client.post(url, {"action": "reset",
                                                "learner": school["an"].pk}).content.decode())
    assert _signs_in("hs.an", password)


def test_cross_school_reset_is_404(client, school):
    client.force_login(school["admin"])
    other_class = f"/tai-khoan/hoc-sinh/lop/{school['class_b'].pk}/"
    assert client.get(other_class).status_code == 404
    assert client.post(other_class, {"action": "reset",
                                     "learner": school["xa"].pk}).status_code == 404
    # Another school's pupil smuggled into this class's form.
    mine = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    assert client.post(mine, {"action": "reset",
                              "learner": [school["an"].pk, school["xa"].pk]}).status_code == 404
    assert _signs_in("hs.xa", "mat-khau-thu") and _signs_in("hs.an", "mat-khau-thu")
    assert not AccountEvent.objects.exists()


def test_staff_enrolled_in_a_class_cannot_be_reset(client, school):
    teacher = learner_in(school["class_a"], username="gv.hoc")
    role_grant(user=teacher, unit=school["school_a"], kind=RoleKind.TEACHER)
    client.force_login(school["admin"])
    url = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    assert "gv.hoc" not in client.get(url).content.decode()
    assert client.post(url, {"action": "reset", "learner": teacher.pk}).status_code == 404


def test_teachers_officers_and_pupils_get_404(client, school):
    url = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    for user in (staff_at(school["class_a"], RoleKind.TEACHER, username="gv.lop"),
                 staff_at(school["so"], RoleKind.OFFICER, username="cb.so"),
                 school["binh"]):
        client.force_login(user)
        assert client.get("/tai-khoan/hoc-sinh/").status_code == 404
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "reset",
                                 "learner": school["an"].pk}).status_code == 404
    assert _signs_in("hs.an", "mat-khau-thu")


def test_a_printed_password_must_be_changed_at_first_sign_in(client, school):
    client.force_login(school["admin"])
    url = f"/tai-khoan/hoc-sinh/lop/{school['class_a'].pk}/"
    [password] = SLIP.findall(client.post(url, {"action": "reset",
                                                "learner": school["an"].pk}).content.decode())
    pupil = Client()
    pupil.post("/tai-khoan/dang-nhap/", {"username": "hs.an", "password": password})
    html = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}
    sent = pupil.get("/cua-toi/", **html)
    assert sent.status_code == 302 and sent.url == "/tai-khoan/doi-mat-khau/"
    assert pupil.get("/api/v1/units/", **html).status_code != 302  # API and JSON pass
    page = pupil.get("/tai-khoan/doi-mat-khau/", **html)
    assert page.status_code == 200 and "mật khẩu nhà trường in" in page.content.decode()
    new = "mat-khau-rieng-cua-an"
    done = pupil.post("/tai-khoan/doi-mat-khau/", {"old_password": password,
                                                  "new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert pupil.get("/cua-toi/", **html).status_code == 200
    # A later sign-in with the pupil's own password is not sent to the change page.
    again = Client()
    again.post("/tai-khoan/dang-nhap/", {"username": "hs.an", "password": new})
    assert again.get("/cua-toi/", **html).status_code == 200
