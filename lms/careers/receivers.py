"""Announce every recorded, changed or deleted outcome (services, Django admin, imports alike)
once the transaction commits, so listeners never see a rolled-back row."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import EmploymentOutcome
from .signals import employment_recorded


def _announce(learner_id: int) -> None:
    transaction.on_commit(lambda: employment_recorded.send(sender=EmploymentOutcome,
                                                           learner_id=learner_id))


@receiver(post_save, sender=EmploymentOutcome, dispatch_uid="careers_outcome_saved")
def _on_outcome_saved(sender, instance, **kwargs):
    _announce(instance.learner_id)


@receiver(post_delete, sender=EmploymentOutcome, dispatch_uid="careers_outcome_deleted")
def _on_outcome_deleted(sender, instance, **kwargs):
    _announce(instance.learner_id)
