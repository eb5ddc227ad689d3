"""Every role at every level against every report URL and export of another subtree."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.reports.models import ExportJob, ReportSubmission
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db

LEVELS = ["so_b", "school_y", "y1"]  # province, school and class of another branch


@pytest.fixture
def foreign(tree, target):
    """Objects in Sở A's subtree that nobody in Sở B may touch."""
    owner = staff_at(tree["so_a"], RoleKind.OFFICER, username="owner-a")
    job = ExportJob.objects.create(unit=tree["so_a"], requested_by=owner, fmt="csv",
                                   content=b"x", filename="x.csv", finished_at=timezone.now())
    submission = ReportSubmission.objects.create(
        unit=tree["phong"], period_label="2025-2026", figures=[], submitted_at=timezone.now())
    learner_in(tree["x1"])
    units = [tree[k].pk for k in ("so_a", "phong", "school_x", "x1")]
    gets = []
    for unit_id in units:
        gets += [reverse("reports:dashboard", args=[unit_id]),
                 reverse("reports:not_trained", args=[unit_id, target.pk]),
                 reverse("reports:target_create", args=[unit_id]),
                 reverse("reports:submissions", args=[unit_id])]
    gets += [reverse("reports:class_view", args=[tree["x1"].pk]),
             reverse("reports:class_view_json", args=[tree["x1"].pk]),
             reverse("reports:class_view_csv", args=[tree["x1"].pk]),
             reverse("reports:export_status", args=[job.pk]),
             reverse("reports:export_download", args=[job.pk])]
    posts = [(reverse("reports:export_start", args=[u]), {"fmt": "xlsx"}) for u in units]
    posts += [(reverse("reports:submit", args=[tree["phong"].pk]), {"period": "2025-2026"}),
              (reverse("reports:submission_review", args=[submission.pk, "approve"]), {}),
              (reverse("reports:submission_review", args=[submission.pk, "return"]),
               {"comment": "trả lại"})]
    return {"gets": gets, "posts": posts, "submission": submission}


@pytest.mark.parametrize("kind", [k for k, _ in RoleKind.choices])
@pytest.mark.parametrize("level", LEVELS)
def test_other_subtree_is_404(client, tree, foreign, kind, level):
    unit = tree[level]
    user = staff_at(unit, kind, username=f"u-{kind}-{level}", is_staff=True)
    client.force_login(user)
    for url in foreign["gets"]:
        assert client.get(url).status_code in (403, 404), url
    for url, data in foreign["posts"]:
        assert client.post(url, data).status_code in (403, 404), url
    assert not ExportJob.objects.filter(requested_by=user).exists()
    foreign["submission"].refresh_from_db()
    assert foreign["submission"].status == "submitted"


def test_learner_in_the_subtree_sees_no_reports(client, tree, foreign):
    learner = learner_in(tree["x1"])
    client.force_login(learner)
    for url in foreign["gets"]:
        assert client.get(url).status_code in (403, 404), url


def test_anonymous_is_sent_to_login(client, foreign):
    for url in foreign["gets"]:
        response = client.get(url)
        location = response.get("Location", "")
        assert response.status_code == 302 and ("login" in location or "dang-nhap" in location)


def test_another_officer_cannot_download_my_export(client, tree, foreign):
    colleague = staff_at(tree["so_a"], RoleKind.OFFICER, username="colleague-a")
    client.force_login(colleague)
    job = ExportJob.objects.get()
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 404


def test_get_cannot_change_state(client, tree, foreign):
    officer = staff_at(tree["so_a"], RoleKind.OFFICER, username="so-a-get")
    client.force_login(officer)
    url = reverse("reports:submission_review", args=[foreign["submission"].pk, "approve"])
    assert client.get(url).status_code == 405
    assert client.get(reverse("reports:export_start", args=[tree["so_a"].pk])).status_code == 405
