"""The contract with lms.reports: employed_events(learner_ids) -> {learner_id: [datetimes]}."""

import datetime as dt

import pytest
from django.utils import timezone

from lms.careers.models import EmploymentOutcome
from lms.careers.selectors import employed_events
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(dt.datetime(2025, 9, 1, 8, 0))


def _outcome(learner, status, day, hours=0, source="school"):
    return EmploymentOutcome.objects.create(
        learner=learner, status=status, date=dt.date(2025, 9, day), source=source,
        recorded_at=T0 + dt.timedelta(days=day, hours=hours))


def test_latest_employed_learner_gets_all_employed_datetimes_ascending():
    learner = UserFactory()
    _outcome(learner, "employed", 3)
    _outcome(learner, "seeking", 5)
    _outcome(learner, "self_employed", 9)
    events = employed_events([learner.pk])
    assert events == {learner.pk: [T0 + dt.timedelta(days=3), T0 + dt.timedelta(days=9)]}
    assert all(isinstance(value, dt.datetime) for value in events[learner.pk])


def test_latest_not_employed_means_no_events():
    studying, seeking, nothing = UserFactory(), UserFactory(), UserFactory()
    _outcome(studying, "employed", 3)
    _outcome(studying, "studying", 4)
    _outcome(seeking, "seeking", 2)
    assert employed_events([studying.pk, seeking.pk, nothing.pk]) == {}


def test_latest_is_decided_by_date_then_time_recorded():
    learner = UserFactory()
    # Recorded later, but about an earlier date: the newer date still decides.
    _outcome(learner, "employed", 10, source="self")
    _outcome(learner, "seeking", 4, hours=200)
    assert list(employed_events([learner.pk])) == [learner.pk]
    other = UserFactory()
    _outcome(other, "employed", 6, source="self")
    _outcome(other, "seeking", 6, hours=1, source="school")  # same day, recorded after
    assert employed_events([other.pk]) == {}


def test_only_requested_learners_are_returned():
    asked, not_asked = UserFactory(), UserFactory()
    _outcome(asked, "employed", 1)
    _outcome(not_asked, "employed", 1)
    assert set(employed_events([asked.pk])) == {asked.pk}
    assert employed_events([]) == {}
