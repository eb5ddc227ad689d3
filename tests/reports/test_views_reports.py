import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.reports.models import ReportSubmission
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_a(tree):
    return staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-a", is_staff=True)


@pytest.fixture
def data(tree, target, courses):
    learners = [learner_in(tree["x1"]) for _ in range(3)] + [learner_in(tree["y1"])]
    complete(learners[0], courses[0])
    return learners


def test_dashboard_shows_children_and_figures(client, tree, target, data, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Phòng GD&amp;ĐT A1" in body and "Tiểu học Z" in body
    assert "33,3%" in body or "33.3%" in body  # 1 of 3 learners in Sở A trained
    assert "Sở GD&amp;ĐT B" not in body.split("<main")[1]
    assert "Trung học phổ thông" in body  # the school-level split


def test_dashboard_query_count_is_flat(client, tree, target, data, officer_a):
    """Rendered from scratch (an empty cache), the dashboard reads the same queries whatever
    the number of learners, and never the progress tables."""
    client.force_login(officer_a)
    url = reverse("reports:dashboard", args=[tree["so_a"].pk])
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(20):
        learner_in(tree["x2"])
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few) <= 20  # figures, splits, trend, panels, prepared reports
    progress_tables = [q["sql"] for q in many if "courses_lessonprogress" in q["sql"]
                       or "courses_coursecompletion" in q["sql"]]
    assert progress_tables == []


def test_warm_dashboard_reads_at_most_six_queries(client, tree, target, data, officer_a):
    """Issue 18: a warm dashboard reads the user, their roles, the unit and the recognition
    panel's counts; the figures come from the cached body."""
    client.force_login(officer_a)
    url = reverse("reports:dashboard", args=[tree["so_a"].pk])
    first = client.get(url, {"chi-tieu": target.pk}).content
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url, {"chi-tieu": target.pk}).content
    assert len(warm) <= 6, [q["sql"] for q in warm]
    assert again.split(b'name="csrfmiddlewaretoken"')[0] == first.split(
        b'name="csrfmiddlewaretoken"')[0]
    assert not [q for q in warm if "reports_targetunitcounter" in q["sql"]]


def _figure_line(body: str) -> str:
    return body.split('<ul class="figs">')[1].split("</p>")[0]


def test_dashboard_cache_follows_every_counter_write(client, tree, target, data, officer_a,
                                                    courses):
    """The body is cached under the counters' generations: a completion, a new learner, a
    renamed child show on the next request (no timer)."""
    client.force_login(officer_a)
    url = reverse("reports:dashboard", args=[tree["so_a"].pk])
    assert "(1/3)" in _figure_line(client.get(url).content.decode())
    complete(data[1], courses[0])  # in Sở A: trained 2 of 3
    assert "(2/3)" in _figure_line(client.get(url).content.decode())
    learner_in(tree["x2"])  # a new learner in Sở A: population 4
    assert "(2/4)" in _figure_line(client.get(url).content.decode())
    complete(data[3], courses[0])  # in Sở B: Sở A's figure is unchanged, Bộ's moves
    assert "(2/4)" in _figure_line(client.get(url).content.decode())
    tree["phong"].name = "Phòng GD&ĐT A1 (mới)"
    tree["phong"].save()
    assert "A1 (mới)" in client.get(url).content.decode()


def test_drill_down_to_class_and_not_trained_list(client, tree, target, data, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("reports:dashboard", args=[tree["x1"].pk]),
                          {"target": target.pk})
    assert response.status_code == 200
    response = client.get(reverse("reports:not_trained", args=[tree["x1"].pk, target.pk]))
    body = response.content.decode()
    assert data[1].full_name in body and data[2].full_name in body
    assert data[0].full_name not in body
    assert "0/2 bài bắt buộc" in body


def test_class_grid_html_json_csv(client, tree, data, courses):
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-x")
    client.force_login(teacher)
    url = reverse("reports:class_view", args=[tree["x1"].pk])
    assert client.get(url).status_code == 200
    payload = client.get(reverse("reports:class_view_json", args=[tree["x1"].pk])).json()
    states = {row["name"]: row["state"] for row in payload["learners"]}
    assert states[data[0].full_name] == "completed"
    assert states[data[1].full_name] == "not_started"
    assert len(payload["lessons"]) == 2
    csv_body = client.get(reverse("reports:class_view_csv", args=[tree["x1"].pk])).content
    assert data[0].full_name.encode() in csv_body


def test_bad_export_format_is_400(client, tree, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("reports:export_start", args=[tree["so_a"].pk]),
                           {"fmt": "exe"})
    assert response.status_code == 400


def test_target_form_validates_in_vietnamese(client, tree, officer_a, courses):
    client.force_login(officer_a)
    url = reverse("reports:target_create", args=[tree["so_a"].pk])
    response = client.post(url, {"code": "x", "name": "Chỉ tiêu", "rule": "course",
                                 "threshold_kind": "percent", "threshold": "150",
                                 "period_label": "2026", "period_start": "2026-01-01",
                                 "period_end": "2025-01-01", "household": "any",
                                 "min_courses": 1})
    assert response.status_code == 400
    body = response.content.decode()
    assert "không được vượt quá 100" in body and "phải sau ngày bắt đầu" in body
    assert "Hãy chọn ít nhất một khóa học" in body


def test_district_cannot_edit_province_target(client, tree, target):
    district = staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong")
    client.force_login(district)
    assert client.get(reverse("reports:target_create", args=[tree["so_a"].pk])).status_code == 404
    assert client.get(reverse("reports:target_edit",
                              args=[tree["bo"].pk, target.pk])).status_code == 404
    assert client.get(reverse("reports:target_create",
                              args=[tree["phong"].pk])).status_code == 200


def test_submission_flow(client, tree, target, data, officer_a):
    district = staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong")
    client.force_login(district)
    url = reverse("reports:submit", args=[tree["phong"].pk])
    client.post(url, {"period": "2025-2026"})
    submission = ReportSubmission.objects.get(unit=tree["phong"])
    assert submission.figures[0]["population"] == 3
    learner_in(tree["x1"])  # later changes never alter the frozen figures
    submission.refresh_from_db()
    assert submission.figures[0]["population"] == 3
    review = reverse("reports:submission_review", args=[submission.pk, "approve"])
    assert client.post(review).status_code == 404  # a unit cannot approve its own report
    client.force_login(officer_a)
    page = client.get(reverse("reports:submissions", args=[tree["so_a"].pk]),
                      {"period": "2025-2026"})
    assert "Đã nộp 1/2" in page.content.decode()
    returned = reverse("reports:submission_review", args=[submission.pk, "return"])
    assert client.post(returned, {"comment": ""}).status_code == 400
    client.post(returned, {"comment": "Bổ sung số liệu lớp 12A2"})
    submission.refresh_from_db()
    assert submission.status == "returned"
    client.force_login(district)
    client.post(url, {"period": "2025-2026"})
    client.force_login(officer_a)
    client.post(review)
    submission.refresh_from_db()
    assert submission.status == "approved" and submission.figures[0]["population"] == 4


def test_class_grid_cache_never_serves_stale_cells(client, tree, data, courses):
    from courses.services import enrolment_create, progress_record

    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-cache")
    client.force_login(teacher)
    url = reverse("reports:class_view", args=[tree["x1"].pk])
    first = client.get(url).content.decode()
    assert first.count("✓") == 2  # data[0] completed both lessons
    enrolment_create(user=data[1], course=courses[0][0])
    progress_record(user=data[1], lesson=courses[0][1][0], completed=True)
    assert client.get(url).content.decode().count("✓") == 3
    learner_in(tree["x1"])  # a new learner joins: the roster changes the version too
    assert client.get(url).content.decode().count("Chưa bắt đầu") == 2
