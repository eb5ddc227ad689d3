"""Every permission rule of plans, tried from the forbidden side: 404 (never 403) outside the
user's reach, login for anonymous visitors."""

import pytest
from django.urls import reverse

from lms.plans.models import TaskStatus, TaskUpdate

pytestmark = pytest.mark.django_db


def _urls(plan, task):
    return {
        "detail": reverse("plans:plan_detail", args=[plan.pk]),
        "edit": reverse("plans:plan_edit", args=[plan.pk]),
        "task": reverse("plans:task_detail", args=[plan.pk, task.pk]),
        "task_edit": reverse("plans:task_edit", args=[plan.pk, task.pk]),
        "task_create": reverse("plans:task_create", args=[plan.pk]),
        "xlsx": reverse("plans:export_xlsx", args=[plan.pk]),
        "pdf": reverse("plans:export_pdf", args=[plan.pk]),
    }


def _post_update(client, plan, task, unit, status=TaskStatus.IN_PROGRESS, **extra):
    return client.post(reverse("plans:task_update", args=[plan.pk, task.pk]),
                       {"unit": unit.pk, "status": status, "note": "Đang làm", **extra})


def test_anonymous_is_sent_to_login(client, plan, task1):
    for name, url in [("index", reverse("plans:index")), *_urls(plan, task1).items()]:
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/tai-khoan/dang-nhap/" in response["Location"]


def test_learner_sees_nothing(client, people, plan, task1):
    client.force_login(people["learner"])
    assert client.get(reverse("plans:index")).status_code == 404
    assert client.get(_urls(plan, task1)["detail"]).status_code == 404


def test_officer_of_another_province_gets_404_everywhere(client, people, plan, task1, tree):
    client.force_login(people["officer_b"])
    for name, url in _urls(plan, task1).items():
        assert client.get(url).status_code == 404, name
    assert _post_update(client, plan, task1, tree["so_b"]).status_code == 404
    assert plan.title not in client.get(reverse("plans:index")).content.decode()
    assert not TaskUpdate.objects.exists()


@pytest.mark.parametrize("who", ["officer_a", "officer_bo"])
def test_officers_at_or_above_the_issuing_unit_read_and_edit(client, people, plan, task1, who):
    client.force_login(people[who])
    urls = _urls(plan, task1)
    for name in ("detail", "edit", "task", "task_edit", "task_create", "xlsx"):
        assert client.get(urls[name]).status_code == 200, name
    assert plan.title in client.get(reverse("plans:index")).content.decode()


@pytest.mark.parametrize("who", ["officer_phong", "head_x", "teacher_x"])
def test_staff_below_read_but_do_not_edit(client, people, plan, task1, who):
    client.force_login(people[who])
    urls = _urls(plan, task1)
    assert client.get(urls["detail"]).status_code == 200
    assert client.get(urls["task"]).status_code == 200
    for name in ("edit", "task_edit", "task_create"):
        assert client.get(urls[name]).status_code == 404, name
    response = client.post(urls["edit"], {"title": "Bị sửa"})
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch khởi nghiệp của Sở A"


def test_cooperating_school_updates_but_cannot_edit(client, people, plan, task1, tree):
    client.force_login(people["head_x"])
    response = _post_update(client, plan, task1, tree["school_x"], TaskStatus.DONE)
    assert response.status_code == 302
    update = TaskUpdate.objects.get()
    assert (update.unit, update.author, update.status) == (tree["school_x"], people["head_x"],
                                                           TaskStatus.DONE)
    task1.refresh_from_db()
    assert task1.status == TaskStatus.DONE
    assert client.get(_urls(plan, task1)["task_edit"]).status_code == 404


def test_cooperating_school_cannot_report_for_another_unit(client, people, plan, task1, tree):
    client.force_login(people["head_x"])
    response = _post_update(client, plan, task1, tree["so_a"])
    assert response.status_code == 400  # not one of the units offered to this user
    assert not TaskUpdate.objects.exists()


def test_school_admin_outside_lead_and_cooperating_units_cannot_update(client, people, plan,
                                                                       task2, tree):
    """Task 2 is led by Phòng A1; THPT W belongs to the same Sở but not to the Phòng."""
    client.force_login(people["head_w"])
    assert client.get(_urls(plan, task2)["task"]).status_code == 200
    assert _post_update(client, plan, task2, tree["school_w"]).status_code == 404
    assert "cap-nhat" not in client.get(_urls(plan, task2)["task"]).content.decode()
    assert not TaskUpdate.objects.exists()


def test_school_under_the_lead_unit_reports_for_itself(client, people, plan, task2, tree):
    client.force_login(people["head_x"])  # THPT X is under Phòng A1
    assert _post_update(client, plan, task2, tree["school_x"]).status_code == 302
    assert TaskUpdate.objects.get().unit == tree["school_x"]


def test_teacher_of_a_cooperating_school_cannot_update(client, people, plan, task1, tree):
    client.force_login(people["teacher_x"])
    assert _post_update(client, plan, task1, tree["school_x"]).status_code == 404
    assert not TaskUpdate.objects.exists()


def test_supervisor_does_not_post_on_behalf_of_the_lead_unit(client, people, plan, task2, tree):
    """Task 2 is led by Phòng A1: the Sở's officer may edit the plan but the update form is not
    theirs; the Phòng's officer posts."""
    client.force_login(people["officer_a"])
    assert _post_update(client, plan, task2, tree["phong"]).status_code == 404
    client.force_login(people["officer_phong"])
    assert _post_update(client, plan, task2, tree["phong"]).status_code == 302
    assert TaskUpdate.objects.get().unit == tree["phong"]


def test_update_is_a_post_with_csrf(people, plan, task1, tree):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["head_x"])
    assert _post_update(client, plan, task1, tree["school_x"]).status_code == 403
    assert client.get(reverse("plans:task_update", args=[plan.pk, task1.pk])).status_code == 405
    assert not TaskUpdate.objects.exists()
