"""Read-only endpoints over targets/attainment, certificates and the caller's notifications."""

import datetime

from django.utils import timezone

from courses.certificates.models import Certificate
from lms.notifications.models import Notification
from lms.reports.models import Target, TargetUnitCounter


def _certificate(learner, course, code):
    return Certificate.objects.create(user=learner, course=course, code=code,
                                      issued_at=timezone.now(), learner_name=learner.full_name,
                                      course_title=course.title, hours=2)


def test_certificates_follow_the_subtree(api, world):
    _certificate(world["la"], world["course"], "HM-A-0001")
    _certificate(world["lb"], world["course"], "HM-B-0001")
    api.force_authenticate(world["officer_phong"])
    rows = api.get("/api/v1/certificates/").json()["results"]
    assert [r["code"] for r in rows] == ["HM-A-0001"]
    api.force_authenticate(world["outsider"])
    assert api.get("/api/v1/certificates/").json()["results"] == []


def test_notifications_are_only_your_own(api, world):
    Notification.objects.create(user=world["la"], event="course_completed", title="Chúc mừng",
                                body="Bạn đã hoàn thành khóa học.")
    Notification.objects.create(user=world["lb"], event="course_completed", title="Của B",
                                body="...")
    api.force_authenticate(world["la"])
    assert [n["title"] for n in api.get("/api/v1/notifications/").json()["results"]] == [
        "Chúc mừng"]
    api.force_authenticate(world["officer_so"])  # staff do not read others' notifications
    assert api.get("/api/v1/notifications/").json()["results"] == []


def test_targets_and_attainment_follow_the_subtree(api, world):
    today = datetime.date.today()
    target = Target.objects.create(code="khoi-nghiep", name="Học sinh học khởi nghiệp",
                                   unit=world["so"], threshold=50, period_label="2025-2026",
                                   period_start=today - datetime.timedelta(days=30),
                                   period_end=today + datetime.timedelta(days=300))
    TargetUnitCounter.objects.create(target=target, unit=world["school_a"], population=10,
                                     trained=6)
    api.force_authenticate(world["officer_phong"])  # the target is set above: it applies here
    assert [t["id"] for t in api.get("/api/v1/targets/").json()["results"]] == [target.pk]
    figure = api.get(f"/api/v1/targets/{target.pk}/attainment/?unit={world['school_a'].pk}")
    assert figure.status_code == 200
    assert figure.json() | {} == figure.json() and figure.json()["trained"] == 6
    assert figure.json()["status"] == "met"
    # School B is outside the district's subtree.
    outside = api.get(f"/api/v1/targets/{target.pk}/attainment/?unit={world['school_b'].pk}")
    assert outside.status_code == 404
    assert api.get(f"/api/v1/targets/{target.pk}/attainment/?unit=x").status_code == 400
    api.force_authenticate(world["la"])
    assert api.get("/api/v1/targets/").json()["results"] == []
