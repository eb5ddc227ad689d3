from unittest import mock

import pytest

from lms.recognition.models import Candidate
from lms.recognition.tasks import recognition_evaluate_recent_task, recognition_evaluate_task
from tests.factories import learner_in

from .factories import at, complete

pytestmark = pytest.mark.django_db


def test_task_takes_ids_and_is_idempotent(tree, courses):
    x = learner_in(tree["class"], username="x")
    complete(x, courses[0], at(2025, 3, 1, 8, 0))
    complete(x, courses[1], at(2025, 3, 2, 8, 0))
    assert recognition_evaluate_task(tree["xa_a"].pk, 2025)["citizen"] == 1
    assert recognition_evaluate_task(tree["xa_a"].pk, 2025)["citizen"] == 0
    assert recognition_evaluate_task(987654, 2025) == {}  # a deleted unit: nothing to do
    assert Candidate.objects.count() == 2  # the citizen and their school (1 of 1 learner)


def test_nightly_task_also_closes_last_year_in_january(tree):
    import datetime

    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 1, 3)):
        assert set(recognition_evaluate_recent_task()) == {2025, 2026}
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 5, 3)):
        assert set(recognition_evaluate_recent_task()) == {2026}
