"""Signal receivers: completions and certificates feed attainment; roster and profile changes
adjust populations; deleting a learner takes them out of the counters; moves and merges of
units reconcile synchronously (services/tree_sync.py)."""

import logging

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from courses.certificates.signals import certificate_issued, certificate_revoked
from courses.signals import course_completed
from lms.accounts.models import LearnerProfile
from lms.careers.signals import employment_recorded
from lms.units.models import Role, Unit, UnitKind
from lms.units.signals import tree_changing, unit_moved

from .dashboard import dashboards_touch_all
from .models import ExportJob, Target, TargetLearner
from .services import attainment as services
from .services import history, rebuild, tree_sync

logger = logging.getLogger(__name__)


def _apply_or_defer(learner_id: int, certificate: bool = False,
                    employment: bool = False, revocation: bool = False) -> None:
    """Runs after the learner's completion committed: a failure here must not fail their
    request, so it is logged and the learner is re-synced by a retried Celery task."""
    try:
        services.attainment_apply(learner_id, certificate=certificate, employment=employment,
                                  revocation=revocation)
    except Exception:
        from .tasks import learner_sync_task

        logger.exception("attainment_apply failed for learner %s; deferred", learner_id)
        learner_sync_task.delay(learner_id)


@receiver(course_completed, dispatch_uid="reports_course_completed")
def _course_completed(sender, completion, **kwargs):
    _apply_or_defer(completion.user_id, certificate=False)


@receiver(certificate_issued, dispatch_uid="reports_certificate_issued")
def _certificate_issued(sender, certificate, **kwargs):
    _apply_or_defer(certificate.user_id, certificate=True)


@receiver(certificate_revoked, dispatch_uid="reports_certificate_revoked")
def _certificate_revoked(sender, certificate, **kwargs):
    _apply_or_defer(certificate.user_id, revocation=True)


@receiver(employment_recorded, dispatch_uid="reports_employment")
def _employment_recorded(sender, learner_id, **kwargs):
    _apply_or_defer(learner_id, employment=True)


@receiver(post_save, sender=Role, dispatch_uid="reports_role_saved")
@receiver(post_delete, sender=Role, dispatch_uid="reports_role_deleted")
def _role_changed(sender, instance, **kwargs):
    if (instance.kind not in services.COUNTED_ROLE_KINDS
            or getattr(instance, "_reports_skip", False)):
        return
    if not get_user_model().objects.filter(pk=instance.user_id).exists():
        return  # the learner is being deleted; learner_forget already ran
    services.learner_sync(instance.user_id)


@receiver(post_save, sender=LearnerProfile, dispatch_uid="reports_profile_saved")
def _profile_saved(sender, instance, created, **kwargs):
    if Role.objects.filter(user_id=instance.user_id,
                           kind__in=services.COUNTED_ROLE_KINDS).exists():
        services.learner_sync(instance.user_id)


@receiver(post_save, sender=get_user_model(), dispatch_uid="reports_user_saved")
def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    """Deactivating an account takes the person out of every population and trained count at
    once; reactivating counts them again with their history (learner_sync does both)."""
    if created or (update_fields is not None and "is_active" not in update_fields):
        return  # e.g. the login's last_login update
    counted = TargetLearner.objects.filter(learner_id=instance.pk).exists()
    if not instance.is_active:
        stale = counted
    else:  # reactivated (or never counted): placed again where their live roles are
        stale = not counted and Role.objects.filter(
            user_id=instance.pk, kind__in=services.COUNTED_ROLE_KINDS,
            ended_at__isnull=True).exists()
    if stale:
        services.learner_sync(instance.pk)


@receiver(pre_delete, sender=get_user_model(), dispatch_uid="reports_user_deleted")
def _user_deleted(sender, instance, **kwargs):
    services.learner_forget(instance.pk)


@receiver(unit_moved, dispatch_uid="reports_unit_moved")
def _unit_moved(sender, move, **kwargs):
    # Inside the reorganisation's transaction: counters are right when the service returns.
    tree_sync.counters_follow_move(move)
    dashboards_touch_all()  # names, paths and counters along both branches
    rebuild.tree_fingerprint_save()  # tree_watch (the safety net) has nothing left to do


@receiver(tree_changing, dispatch_uid="reports_tree_changing")
def _tree_changing(sender, change, unit_ids, **kwargs):
    # Before anything moves: hold the people who move (their completions wait for the move),
    # then freeze the affected figures under today's unit names.
    tree_sync.people_lock(change.old_path)
    history.snapshots_take(change, unit_ids)
    dashboards_touch_all()


# The cached dashboard bodies (dashboard.py) show targets, unit names and prepared reports: any
# change of these retires every body (they change rarely; counters are per unit, and the weekly
# snapshots_take retires them itself rather than once per snapshot row).
@receiver(post_save, sender=Target, dispatch_uid="reports_dash_target_saved")
@receiver(post_delete, sender=Target, dispatch_uid="reports_dash_target_deleted")
@receiver(m2m_changed, sender=Target.courses.through, dispatch_uid="reports_dash_courses")
@receiver(m2m_changed, sender=Target.cooperating_units.through,
          dispatch_uid="reports_dash_cooperating")
@receiver(post_save, sender=Unit, dispatch_uid="reports_dash_unit_saved")
@receiver(post_delete, sender=Unit, dispatch_uid="reports_dash_unit_deleted")
@receiver(post_save, sender=UnitKind, dispatch_uid="reports_dash_kind_saved")
def _dashboard_inputs_changed(sender, **kwargs):
    dashboards_touch_all()


@receiver(post_save, sender=ExportJob, dispatch_uid="reports_dash_prepared_saved")
@receiver(post_delete, sender=ExportJob, dispatch_uid="reports_dash_prepared_deleted")
def _prepared_report_changed(sender, instance, **kwargs):
    if instance.target_id is not None:  # a prepared annual report (listed on the dashboard)
        dashboards_touch_all()
