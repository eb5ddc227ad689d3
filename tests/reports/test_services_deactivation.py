"""Defect 9, first half (R2): a deactivated account counts nowhere — neither population nor
trained — from the save that deactivates it; reactivating counts them again, trained as before."""

import pytest

from lms.reports.models import TargetLearner
from lms.reports.services import rebuild
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete, counters_snapshot, figure

pytestmark = pytest.mark.django_db


def test_deactivating_takes_the_person_out_and_reactivating_brings_them_back(
        tree, target, courses):
    trained, other = learner_in(tree["x1"]), learner_in(tree["x1"])
    complete(trained, courses[0])
    assert figure(target, tree["so_a"]) == (2, 1)
    trained.is_active = False
    trained.save()
    assert figure(target, tree["so_a"]) == (1, 0)
    assert figure(target, tree["x1"]) == (1, 0)
    assert not TargetLearner.objects.filter(learner=trained).exists()
    before = counters_snapshot(target)
    rebuild.targets_rebuild()  # the rebuild agrees: inactive accounts are left out
    assert counters_snapshot(target) == before
    assert not TargetLearner.objects.filter(learner=trained).exists()

    trained.is_active = True
    trained.save(update_fields=["is_active"])
    assert figure(target, tree["so_a"]) == (2, 1)  # with their history
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before
    assert other.is_active


def test_a_login_save_does_not_resync(tree, target, django_assert_num_queries):
    learner = learner_in(tree["x1"])
    with django_assert_num_queries(1):
        learner.save(update_fields=["last_login"])


def test_reconcile_drops_accounts_deactivated_in_bulk(tree, target):
    learner = learner_in(tree["x1"])
    teacher = staff_at(tree["school_x"], RoleKind.TEACHER, username="gv-nghi")
    type(learner).objects.filter(pk__in=[learner.pk, teacher.pk]).update(is_active=False)
    assert figure(target, tree["so_a"]) == (1, 0)  # no signal for a queryset update …
    rebuild.target_reconcile(target)  # … the reconcile (and tree_watch) catch it
    assert figure(target, tree["so_a"]) == (0, 0)
