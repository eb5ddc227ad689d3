import datetime as dt

import pytest
from django.utils import timezone

from lms.careers.models import EmploymentOutcome
from lms.careers.services import outcome_record
from lms.careers.signals import employment_recorded
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    calls = []

    def listener(sender, learner_id, **kwargs):
        calls.append(learner_id)

    employment_recorded.connect(listener, dispatch_uid="test_careers_listener")
    yield calls
    employment_recorded.disconnect(dispatch_uid="test_careers_listener")


def test_learner_self_reports_and_signal_fires_on_commit(world, received,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome, created = outcome_record(actor=world["learner"], learner=world["learner"],
                                          status="employed", employer_name="Công ty A")
    assert created and outcome.source == "self" and outcome.recorded_by == world["learner"]
    assert received == []  # nothing before commit
    for callback in callbacks:
        callback()
    assert received == [world["learner"].pk]


def test_reporting_again_the_same_day_changes_the_row(world, received,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = outcome_record(actor=world["learner"], learner=world["learner"],
                                  status="seeking")
    with django_capture_on_commit_callbacks(execute=True):
        again, created = outcome_record(actor=world["learner"], learner=world["learner"],
                                        status="self_employed", employer_name="Tiệm may")
    assert not created and again.pk == first.pk
    assert EmploymentOutcome.objects.get().status == "self_employed"
    assert received == [world["learner"].pk, world["learner"].pk]  # recorded, then changed


def test_teacher_of_the_class_records_for_the_learner(world):
    outcome, _ = outcome_record(actor=world["teacher"], learner=world["learner"],
                                status="employed", employer_name="HTX",
                                date=timezone.localdate() - dt.timedelta(days=3))
    assert outcome.source == "school" and outcome.recorded_by == world["teacher"]


@pytest.mark.parametrize("who", ["classmate", "head_b", "officer_other", "employer_a_user"])
def test_others_cannot_record_for_the_learner(world, who):
    with pytest.raises(PermissionError):
        outcome_record(actor=world[who], learner=world["learner"], status="employed")
    assert not EmploymentOutcome.objects.exists()


def test_a_parent_is_not_a_recorder(world):
    from lms.accounts.models import GuardianLink

    parent = UserFactory()
    GuardianLink.objects.create(guardian=parent, learner=world["learner"])
    with pytest.raises(PermissionError):
        outcome_record(actor=parent, learner=world["learner"], status="employed")


def test_deleting_an_outcome_is_announced(world, received, django_capture_on_commit_callbacks):
    outcome, _ = outcome_record(actor=world["teacher"], learner=world["learner"],
                                status="employed")
    with django_capture_on_commit_callbacks(execute=True):
        outcome.delete()
    assert received[-1] == world["learner"].pk
