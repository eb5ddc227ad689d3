"""Career guidance and job introduction (issue 11, seed 002): occupation profiles and the
interest questionnaire (occupations.py), employers, postings and applications (jobs.py), and
what trainees do after training (outcomes.py)."""

from .jobs import (
    Application,
    ApplicationStatus,
    Employer,
    EmployerMember,
    JobPosting,
    PostingKind,
    PostingStatus,
)
from .occupations import Occupation, QuestionnaireResult
from .outcomes import EMPLOYED_STATUSES, EmploymentOutcome, OutcomeSource, OutcomeStatus

__all__ = [
    "EMPLOYED_STATUSES", "Application", "ApplicationStatus", "Employer", "EmployerMember",
    "EmploymentOutcome", "JobPosting", "Occupation", "OutcomeSource", "OutcomeStatus",
    "PostingKind", "PostingStatus", "QuestionnaireResult",
]
