import datetime

import pytest

from lms.reports.models import ReportSubmission, TargetSnapshot
from lms.reports.services.snapshots import deadline_reminders, snapshots_take
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


def test_weekly_snapshot_copies_counters_and_is_idempotent(tree, target, courses):
    learner = learner_in(tree["x1"])
    learner_in(tree["x2"])
    complete(learner, courses[0])
    day = datetime.date(2026, 11, 23)
    snapshots_take(day)
    snapshots_take(day)
    snap = TargetSnapshot.objects.get(target=target, unit=tree["bo"], taken_on=day)
    assert (snap.population, snap.trained) == (2, 1)
    assert TargetSnapshot.objects.filter(taken_on=day, unit=tree["school_x"]).count() == 1


def test_reminders_go_to_officers_of_units_behind_that_have_not_submitted(
        tree, target, mailoutbox):
    learner_in(tree["x1"])
    officer = staff_at(tree["phong"], RoleKind.OFFICER, username="canbo-phong",
                       email="phong@example.vn")
    staff_at(tree["so_b"], RoleKind.OFFICER, username="canbo-b", email="b@example.vn")
    target.deadline = datetime.date(2030, 12, 15)
    target.save()
    today = datetime.date(2030, 12, 1)
    assert deadline_reminders(today) >= 1
    to = {address for m in mailoutbox for address in m.to}
    assert officer.email in to and "b@example.vn" not in to  # Sở B has no population
    body = next(m.body for m in mailoutbox if officer.email in m.to)
    assert "còn 1 người cần đào tạo" in body
    mailoutbox.clear()
    ReportSubmission.objects.create(unit=tree["phong"], period_label=target.period_label,
                                    figures=[], submitted_at=datetime.datetime(
                                        2030, 12, 1, tzinfo=datetime.UTC))
    deadline_reminders(today)
    assert officer.email not in {address for m in mailoutbox for address in m.to}
