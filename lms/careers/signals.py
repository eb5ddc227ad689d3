"""Signals other apps listen to. `employment_recorded(learner_id=…)` is sent on commit whenever
an EmploymentOutcome is recorded or changed (lms.reports' "employed after training" rule)."""

from django.dispatch import Signal

employment_recorded = Signal()
