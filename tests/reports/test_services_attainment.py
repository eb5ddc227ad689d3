import pytest
from django.utils import timezone

from lms.reports.models import TargetLearner
from lms.reports.services import rebuild
from lms.units.models import Role, RoleKind, Unit
from lms.units.services import role_grant, unit_move
from tests.factories import learner_in, staff_at

from .helpers import complete, counters_snapshot, figure

pytestmark = pytest.mark.django_db


def test_joining_a_class_adds_to_population_of_every_ancestor(tree, target):
    learner_in(tree["x1"])
    learner_in(tree["y1"])
    assert figure(target, tree["x1"]) == (1, 0)
    assert figure(target, tree["phong"]) == (1, 0)
    assert figure(target, tree["so_a"]) == (1, 0)
    assert figure(target, tree["bo"]) == (2, 0)


def test_population_filter_excludes_other_school_levels(tree, target):
    learner_in(tree["z1"])  # primary school: not in an upper-secondary target
    assert figure(target, tree["bo"]) == (0, 0)
    assert not TargetLearner.objects.exists()


def test_completion_counts_once_even_with_two_courses(tree, target, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    assert figure(target, tree["bo"]) == (1, 1)
    assert figure(target, tree["x1"]) == (1, 1)
    complete(learner, courses[1])
    assert figure(target, tree["bo"]) == (1, 1)
    assert TargetLearner.objects.get(learner=learner).trained


def test_completion_outside_the_period_does_not_count(tree, target, courses):
    target.period_end = timezone.localdate().replace(year=2024)
    target.period_start = target.period_end.replace(month=1, day=1)
    target.save()
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    assert figure(target, tree["bo"]) == (1, 0)


def test_min_courses_needs_that_many_completions(tree, target, courses):
    target.min_courses = 2
    target.save()
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    assert figure(target, tree["bo"]) == (1, 0)
    complete(learner, courses[1])
    assert figure(target, tree["bo"]) == (1, 1)


def test_moving_school_counts_in_the_new_unit_from_then_on(tree, target, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    old = Role.objects.get(user=learner, unit=tree["x1"])
    old.ended_at = timezone.now()
    old.save()
    role_grant(user=learner, unit=tree["y1"], kind=RoleKind.LEARNER)
    assert figure(target, tree["so_a"]) == (0, 0)
    assert figure(target, tree["x1"]) == (0, 0)
    assert figure(target, tree["so_b"]) == (1, 1)
    assert figure(target, tree["bo"]) == (1, 1)


def test_deleting_a_learner_takes_them_out(tree, target, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    learner.delete()
    assert figure(target, tree["bo"]) == (0, 0)
    assert figure(target, tree["x1"]) == (0, 0)


def test_rebuild_agrees_with_incremental(tree, target, courses):
    a, b = learner_in(tree["x1"]), learner_in(tree["x2"])
    learner_in(tree["y1"])
    complete(a, courses[0])
    complete(b, courses[1])
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before
    assert figure(target, tree["bo"]) == (3, 2)


def test_unit_move_then_reconcile_moves_counters(tree, target, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    unit_move(unit=tree["school_x"], new_parent=tree["so_b"])
    rebuild.counters_after_move(tree["school_x"])
    assert figure(target, tree["so_a"]) == (0, 0)
    assert figure(target, tree["phong"]) == (0, 0)
    assert figure(target, tree["so_b"]) == (1, 1)
    assert figure(target, tree["bo"]) == (1, 1)


def test_tree_watch_is_only_a_safety_net(tree, target, courses):
    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    assert rebuild.tree_watch() is True
    assert rebuild.tree_watch() is False
    unit_move(unit=tree["school_x"], new_parent=tree["so_b"])
    assert rebuild.tree_watch() is False  # the service reconciled and recorded the tree
    assert figure(target, tree["so_b"]) == (1, 1)
    # A move that bypasses the service (treebeard directly): the safety net repairs it.
    teacher = staff_at(tree["school_y"])
    Unit.objects.get(pk=tree["school_y"].pk).move(Unit.objects.get(pk=tree["so_a"].pk),
                                                  pos="last-child")
    assert rebuild.tree_watch() is True
    school_y = Unit.objects.get(pk=tree["school_y"].pk)
    assert Role.objects.get(user=teacher).unit_path == school_y.path
    assert figure(target, tree["so_b"]) == (1, 1)
    assert figure(target, tree["so_a"]) == (0, 0)


def test_reconcile_catches_roles_changed_in_bulk(tree, target, courses):
    learner = learner_in(tree["x1"])
    Role.objects.filter(user=learner).update(ended_at=timezone.now())  # no signal
    Role.objects.bulk_create([Role(user=learner, unit=tree["y1"], kind=RoleKind.LEARNER,
                                   unit_path=tree["y1"].path)])
    newcomer = learner_in(tree["x2"])
    Role.objects.filter(user=newcomer).delete()
    Role.objects.bulk_create([Role(user=newcomer, unit=tree["x2"], kind=RoleKind.LEARNER,
                                   unit_path=tree["x2"].path)])
    rebuild.target_reconcile(target)
    assert figure(target, tree["x1"]) == (0, 0)
    assert figure(target, tree["y1"]) == (1, 0)
    assert figure(target, tree["x2"]) == (1, 0)
    assert figure(target, tree["bo"]) == (2, 0)


def test_rebuild_command_repairs_damaged_counters(tree, target, courses):
    from io import StringIO

    from django.core.management import call_command

    from lms.reports.models import TargetUnitCounter

    learner = learner_in(tree["x1"])
    complete(learner, courses[0])
    TargetUnitCounter.objects.filter(target=target).update(trained=7)
    out = StringIO()
    call_command("reports_rebuild", stdout=out)
    assert "1 người trong diện" in out.getvalue()
    assert figure(target, tree["bo"]) == (1, 1)


def test_certificate_rule_counts_issued_certificates(tree, target, courses):
    from django.test import TestCase

    from courses.certificates.services import certificate_issue

    target.rule = "certificate"
    target.save()
    from courses.models import CourseCompletion

    learner = learner_in(tree["x1"])
    CourseCompletion.objects.create(user=learner, course=courses[0][0],
                                    completed_at=timezone.now())
    assert figure(target, tree["bo"]) == (1, 0)  # completed, no certificate yet
    with TestCase.captureOnCommitCallbacks(execute=True):
        certificate, created = certificate_issue(user=learner, course=courses[0][0],
                                                 require_quizzes=False, render=False)
    assert created
    assert figure(target, tree["bo"]) == (1, 1)
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before




def test_revoked_certificate_uncounts_at_once_unless_another_counts(tree, target, courses):
    from django.test import TestCase

    from courses.certificates.services import certificate_issue, certificate_revoke
    from courses.models import CourseCompletion
    from tests.factories import UserFactory

    target.rule = "certificate"
    target.save()
    officer = UserFactory()
    role_grant(user=officer, unit=tree["so_a"], kind=RoleKind.OFFICER)
    learner = learner_in(tree["x1"])
    certificates = []
    for course, _lessons in courses:
        CourseCompletion.objects.create(user=learner, course=course, completed_at=timezone.now())
        with TestCase.captureOnCommitCallbacks(execute=True):
            certificates.append(certificate_issue(user=learner, course=course,
                                                  require_quizzes=False, render=False)[0])
    assert figure(target, tree["bo"]) == (1, 1)

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert certificate_revoke(actor=officer, certificate=certificates[0], reason="Trùng hồ sơ")
    assert figure(target, tree["bo"]) == (1, 1)  # the second certificate still counts
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert certificate_revoke(actor=officer, certificate=certificates[1], reason="Sai tên")
    assert figure(target, tree["x1"]) == (1, 0)
    assert figure(target, tree["bo"]) == (1, 0)
    assert not TargetLearner.objects.get(learner=learner).trained
    before = counters_snapshot(target)
    rebuild.targets_rebuild()
    assert counters_snapshot(target) == before
