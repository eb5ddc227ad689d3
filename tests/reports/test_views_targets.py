"""The target form's new fields (population, lead and cooperating units), what the dashboard
shows of them, the per-group ethnic table, the clubs panel, and the class grid's freshness."""

import pytest
from django.conf import settings
from django.urls import reverse

from courses.services import enrolment_create, progress_record
from lms.accounts.models import LearnerProfile
from lms.reports.models import Target
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db

FORM = {"code": "gv-so-a", "name": "100% giáo viên được tập huấn", "rule": "course",
        "population": "teachers", "threshold_kind": "percent", "threshold": "100",
        "period_label": "2026", "period_start": "2026-01-01", "period_end": "2026-12-31",
        "household": "any", "min_courses": 1}


@pytest.fixture
def officer_a(tree):
    return staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-a")


def test_target_form_saves_lead_and_cooperating_units(client, tree, officer_a, courses):
    client.force_login(officer_a)
    url = reverse("reports:target_create", args=[tree["so_a"].pk])
    page = client.get(url).content.decode()
    assert "Đơn vị phối hợp" in page and "Phòng GD&amp;ĐT A1" in page
    assert "Sở GD&amp;ĐT B" not in page  # units the officer cannot see are not offered
    response = client.post(url, {**FORM, "courses": [courses[0][0].pk],
                                 "lead_unit": tree["phong"].pk,
                                 "cooperating_units": [tree["so_a"].pk]})
    assert response.status_code == 302
    target = Target.objects.get(code="gv-so-a")
    assert target.population == "teachers" and target.lead_unit == tree["phong"]
    assert list(target.cooperating_units.all()) == [tree["so_a"]]
    body = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                      {"target": target.pk}).content.decode()
    assert "Đơn vị chủ trì" in body and "Phòng GD&amp;ĐT A1" in body
    assert "Giáo viên" in body


@pytest.mark.parametrize("language", ["vi", "en"])
def test_target_edit_form_shows_its_dates_to_the_date_picker(client, tree, officer_a, courses,
                                                              language):
    # The phone's date picker reads only ISO dates; any other rendering shows an empty field.
    client.force_login(officer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.post(reverse("reports:target_create", args=[tree["so_a"].pk]),
                {**FORM, "courses": [courses[0][0].pk]})
    target = Target.objects.get(code="gv-so-a")
    page = client.get(reverse("reports:target_edit", args=[tree["so_a"].pk, target.pk]))
    body = page.content.decode()
    assert 'type="date" name="period_start" value="2026-01-01"' in body
    assert 'type="date" name="period_end" value="2026-12-31"' in body


def test_target_form_refuses_units_outside_reach_and_learner_filters_for_teachers(
        client, tree, officer_a, courses):
    client.force_login(officer_a)
    url = reverse("reports:target_create", args=[tree["so_a"].pk])
    response = client.post(url, {**FORM, "courses": [courses[0][0].pk],
                                 "lead_unit": tree["so_b"].pk,
                                 "cooperating_units": [tree["bo"].pk], "grades": [12]})
    assert response.status_code == 400
    body = response.content.decode()
    assert "không lọc theo khối lớp" in body
    assert body.count("Lựa chọn không hợp lệ") + body.count("Hãy chọn một lựa chọn") >= 1 \
        or "Select a valid choice" in body
    assert not Target.objects.filter(code="gv-so-a").exists()


def test_dashboard_shows_each_ethnic_group_and_the_clubs_panel(client, tree, target,
                                                               officer_a):
    for code in ("01", "08", "08"):
        learner = learner_in(tree["x1"])
        LearnerProfile.objects.filter(user=learner).update(ethnicity=code)
        learner.learner_profile.refresh_from_db()
        learner.learner_profile.save()
    client.force_login(officer_a)
    body = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                      {"target": target.pk}).content.decode()
    assert "Theo từng dân tộc" in body
    table = body.split("Theo từng dân tộc")[1].split("</table>")[0]
    assert "Mông" in table and "Kinh" in table and "Tày" not in table
    assert f'id="clb-report-{tree["so_a"].pk}"' in body  # lms.clubs panel for a province
    class_page = client.get(reverse("reports:dashboard", args=[tree["x1"].pk])).content
    assert b'id="clb-report-' not in class_page


def test_class_grid_shows_a_progress_update_at_once(client, tree, courses):
    learner = learner_in(tree["x1"])
    enrolment_create(user=learner, course=courses[0][0])
    lesson = courses[0][1][0]
    progress_record(user=learner, lesson=lesson, percent=30)
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")
    client.force_login(teacher)
    url = reverse("reports:class_view", args=[tree["x1"].pk])
    assert "30%" in client.get(url).content.decode()
    progress_record(user=learner, lesson=lesson, percent=80)  # an UPDATE, no model save
    body = client.get(url).content.decode()
    assert "80%" in body and "30%" not in body
    crumbs = body.split('class="crumbs"')[1].split("</nav>")[0]
    assert "THPT X" in crumbs and "Sở GD" not in crumbs  # only from the teacher's unit down
    def grid(page):
        return page.split('<table class="rt grid">')[1].split("</table>")[0]

    assert grid(client.get(url).content.decode()) == grid(body)  # served from the cache
