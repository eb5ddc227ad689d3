"""Issue 19 item 2: each role lands where its work is after signing in (no `next`)."""

import pytest

from lms.units.models import RoleKind
from tests.accounts.factories import UserFactory
from tests.factories import learner_in, staff_at

PASSWORD = "mat-khau-thu"


def _land(client, username):
    response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    # the sign-in sends to "/tai-khoan/" (accounts:home), which chooses the home
    response = client.get(response.url)
    assert response.status_code == 302
    return response.url


@pytest.mark.parametrize("unit_key", ["so", "phong"])
def test_officer_lands_on_their_units_dashboard(client, school_tree, unit_key):
    from django.urls import reverse

    staff_at(school_tree[unit_key], RoleKind.OFFICER, username="canbo.x")
    assert _land(client, "canbo.x") == reverse("reports:index")
    # …which opens that unit's dashboard
    assert client.get(reverse("reports:index")).url == reverse(
        "reports:dashboard", kwargs={"unit_id": school_tree[unit_key].pk})


def test_head_lands_on_their_schools_dashboard(client, school_tree):
    from django.urls import reverse

    staff_at(school_tree["school_a"], RoleKind.SCHOOL_ADMIN, username="hieutruong.x")
    assert _land(client, "hieutruong.x") == reverse("reports:index")
    assert client.get(reverse("reports:index")).url == reverse(
        "reports:dashboard", kwargs={"unit_id": school_tree["school_a"].pk})


def test_teacher_lands_on_their_classes(client, school_tree):
    from django.urls import reverse

    staff_at(school_tree["school_a"], RoleKind.TEACHER, username="giaovien.x")
    assert _land(client, "giaovien.x") == reverse("courses:teacher_classes")


def test_teacher_who_also_studies_lands_on_their_classes(client, school_tree):
    from django.urls import reverse

    from lms.units.services import role_grant

    teacher = staff_at(school_tree["school_a"], RoleKind.TEACHER, username="giaovien.y")
    role_grant(user=teacher, unit=school_tree["class_b"], kind=RoleKind.LEARNER)
    assert _land(client, "giaovien.y") == reverse("courses:teacher_classes")


def test_employer_lands_on_their_jobs(client, school_tree):
    from django.urls import reverse

    from tests.careers.factories import make_employer

    make_employer(school_tree["so"], username="ntd.x")
    assert _land(client, "ntd.x") == reverse("careers:employer_home")


def test_judge_lands_on_contests(client, school_tree):
    from django.urls import reverse

    staff_at(school_tree["so"], RoleKind.JUDGE, username="giamkhao.x")
    assert _land(client, "giamkhao.x") == reverse("contests:index")


def test_parent_lands_on_children(client, school_tree):
    from django.urls import reverse

    from lms.accounts.models import GuardianLink

    child = learner_in(school_tree["class_b"])
    GuardianLink.objects.create(guardian=UserFactory(username="ph.x"), learner=child)
    assert _land(client, "ph.x") == reverse("families:home")


def test_learner_lands_on_my_learning(client, school_tree):
    from django.urls import reverse

    learner_in(school_tree["class_b"], username="hs.x")
    assert _land(client, "hs.x") == reverse("courses:my_learning")
