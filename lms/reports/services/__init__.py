"""The reports' writes, one module per concern (issue 17):

- `attainment`: TargetLearner rows and counters kept up to date, one learner at a time;
  `target_save` (a target's edit, recomputed before returning).
- `rebuild`: whole-target rebuilds and recounts, `tree_watch` (the safety net).
- `tree_sync`: counters reconciled synchronously when a unit moves.
- `rows_sql`: a subtree's rows and counters written set-based (INSERT … SELECT) for tree_sync.
- `history`: figures recorded before a reorganisation.
- `submissions`: a unit's period report submitted, approved, returned.
- `snapshots`: the weekly target snapshots and deadline reminders.
- `annual`: annual reports prepared ahead of deadlines.

`from lms.reports.services import learner_sync` keeps working: the names other apps and views
use are re-exported here."""

from .attainment import (
    COUNTED_ROLE_KINDS,
    POPULATION_ROLES,
    SPLIT_FIELDS,
    attainment_apply,
    counters_add,
    current_membership,
    facts_from,
    learner_facts,
    learner_forget,
    learner_sync,
    qualifying_events,
    target_save,
)
from .submissions import (
    SubmissionError,
    children_submissions,
    period_figures,
    submission_approve,
    submission_create,
    submission_return,
)

__all__ = [
    "COUNTED_ROLE_KINDS", "POPULATION_ROLES", "SPLIT_FIELDS", "SubmissionError",
    "attainment_apply", "children_submissions", "counters_add", "current_membership",
    "facts_from", "learner_facts", "learner_forget", "learner_sync", "period_figures",
    "qualifying_events", "submission_approve", "submission_create", "submission_return",
    "target_save",
]
