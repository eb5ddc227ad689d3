"""Report counters follow a roster import at once.

The import writes set-wise (no model save, so none of the reports app's post_save receivers
runs). After each batch commits, the learners it touched (joined a class, moved, ended, or whose
sex/ethnicity/household/grade/birth date changed) are brought in line through the reports app's
own public functions:

- when no target counts them (no active target at or above the school or inside it, and none
  already counting one of them), nothing is done — the common case, and free;
- up to HOCMO_ROSTER_SYNC_EACH_MAX learners: `learner_sync` for each (about ten queries each,
  under that learner's row lock, the same call the signals make);
- more: the targets concerned are rebuilt once, set-wise, when the import ends
  (`target_rebuild`: cheaper than tens of thousands of single syncs). Counters then lag the
  committed batches only while the import runs.
"""

from __future__ import annotations

import logging
from collections.abc import Set as AbstractSet

from django.conf import settings
from django.db.models import Q

from lms.units.models import Unit

logger = logging.getLogger(__name__)


def sync_each_max() -> int:
    return settings.HOCMO_ROSTER_SYNC_EACH_MAX


def targets_concerned(school: Unit, user_ids: set[int], new_user_ids: set[int]) -> list[int]:
    """Active targets at or above the school or inside it, and any target already counting one
    of the learners (a learner moved in from another school). New learners count nowhere yet."""
    from lms.reports.models import Target, TargetLearner

    targets = set(Target.objects.filter(
        Q(unit__path__in=school.ancestor_paths()) | Q(unit__path__startswith=school.path),
        is_active=True).values_list("pk", flat=True))
    known = list(user_ids - new_user_ids)
    if known:
        targets.update(TargetLearner.objects.filter(learner_id__in=known)
                       .values_list("target_id", flat=True).distinct())
    return sorted(targets)


def counters_follow_batch(school: Unit, user_ids: set[int],
                          new_user_ids: AbstractSet[int] = frozenset()) -> set[int]:
    """Call after a batch committed. Returns the target ids left to rebuild at the end."""
    if not user_ids:
        return set()
    targets = targets_concerned(school, user_ids, set(new_user_ids))
    if not targets:
        return set()
    if len(user_ids) > sync_each_max():
        return set(targets)
    from lms.reports.services import learner_sync

    for user_id in sorted(user_ids):
        try:
            learner_sync(user_id)
        except Exception:  # the batch is committed; a retried task finishes this learner
            from lms.reports.tasks import learner_sync_task

            logger.exception("learner_sync after roster import failed for %s", user_id)
            learner_sync_task.delay(user_id)
    return set()


def counters_rebuild(target_ids: set[int]) -> None:
    if not target_ids:
        return
    from lms.reports.models import Target
    from lms.reports.services.rebuild import target_rebuild

    for target in Target.objects.filter(pk__in=target_ids).select_related("unit"):
        target_rebuild(target)
