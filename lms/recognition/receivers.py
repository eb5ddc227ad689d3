"""Signal receivers of recognition: candidates saved or deleted one by one (the admin, a unit's
cascade) retire the dashboard panel's cached counts (panels.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .generations import recognition_counts_changed
from .models import Candidate


@receiver(post_save, sender=Candidate, dispatch_uid="recognition_candidate_saved")
@receiver(post_delete, sender=Candidate, dispatch_uid="recognition_candidate_deleted")
def _candidate_changed(sender, **kwargs):
    recognition_counts_changed()
