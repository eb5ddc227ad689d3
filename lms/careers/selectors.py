"""Reads for careers. `employed_events` is the contract with lms.reports (the "employed after
training" target rule): keep its signature and meaning."""

import datetime as dt

from django.utils import timezone

from . import riasec
from .models import (
    EMPLOYED_STATUSES,
    Application,
    EmploymentOutcome,
    JobPosting,
    Occupation,
    PostingStatus,
)

LATEST_ORDER = ("-date", "-recorded_at", "-pk")


def latest_outcomes(learner_ids) -> dict[int, EmploymentOutcome]:
    """Each learner's current outcome: the latest by date, then by time recorded."""
    latest: dict[int, EmploymentOutcome] = {}
    rows = (EmploymentOutcome.objects.filter(learner_id__in=list(learner_ids))
            .select_related("recorded_by").order_by("learner_id", *LATEST_ORDER))
    for row in rows:
        latest.setdefault(row.learner_id, row)
    return latest


def employed_events(learner_ids) -> dict[int, list[dt.datetime]]:
    """For each learner whose latest outcome is employed or self-employed: the datetimes
    (`recorded_at`, ascending) of all their employed/self-employed outcomes. Learners whose
    latest outcome is studying or seeking work, or who have none, are absent from the dict."""
    events: dict[int, list[dt.datetime]] = {}
    latest_seen: set[int] = set()
    rows = (EmploymentOutcome.objects.filter(learner_id__in=list(learner_ids))
            .order_by("learner_id", *LATEST_ORDER)
            .values_list("learner_id", "status", "recorded_at"))
    counting: set[int] = set()
    for learner_id, status, recorded_at in rows:
        if learner_id not in latest_seen:  # the first row per learner is the latest
            latest_seen.add(learner_id)
            if status in EMPLOYED_STATUSES:
                counting.add(learner_id)
        if learner_id in counting and status in EMPLOYED_STATUSES:
            events.setdefault(learner_id, []).append(recorded_at)
    return {learner_id: sorted(times) for learner_id, times in events.items()}


def outcome_history(learner) -> list[EmploymentOutcome]:
    return list(EmploymentOutcome.objects.filter(learner=learner)
                .select_related("recorded_by", "occupation").order_by(*LATEST_ORDER))


# --- Occupations and the questionnaire -------------------------------------------------------


def live_occupations():
    return Occupation.objects.filter(live=True)


def occupation_suggestions(code: str, limit: int = 5) -> list[tuple[Occupation, int]]:
    """Occupations ranked by how well their RIASEC code matches the person's; none unmatched."""
    if not code:
        return []
    ranked = [(occ, riasec.code_match(code, occ.riasec_code)) for occ in live_occupations()]
    ranked = [item for item in ranked if item[1] > 0]
    ranked.sort(key=lambda item: (-item[1], item[0].sort_order, item[0].title))
    return ranked[:limit]


def course_suggestions(occupations, limit: int = 4) -> list:
    """Live courses linked to the suggested occupations, best-matching occupation first."""
    from courses.models import CoursePage

    ids = [occ.pk for occ in occupations]
    if not ids:
        return []
    rows = (CoursePage.objects.live().filter(occupations__in=ids)
            .values_list("pk", "occupations"))
    rank = {occ_id: n for n, occ_id in enumerate(ids)}
    best: dict[int, int] = {}
    for course_id, occ_id in rows:
        best[course_id] = min(best.get(course_id, 99), rank[occ_id])
    ordered = sorted(best, key=lambda course_id: (best[course_id], course_id))[:limit]
    by_id = CoursePage.objects.live().in_bulk(ordered)
    return [by_id[course_id] for course_id in ordered if course_id in by_id]


# --- Job board ------------------------------------------------------------------------------


def open_postings(kind: str = "", occupation_slug: str = ""):
    """Postings taking applications: open, not past their deadline, approved employer."""
    rows = (JobPosting.objects.filter(status=PostingStatus.OPEN,
                                      deadline__gte=timezone.localdate(), employer__approved=True)
            .select_related("employer", "occupation"))
    if kind:
        rows = rows.filter(kind=kind)
    if occupation_slug:
        rows = rows.filter(occupation__slug=occupation_slug)
    return rows


def visible_posting(user, posting_id: int) -> JobPosting | None:
    """A posting anyone may open (open ones), its employer's staff, or an applicant may see."""
    posting = (JobPosting.objects.select_related("employer", "occupation")
               .filter(pk=posting_id).first())
    if posting is None or posting.is_open:
        return posting
    if user.is_authenticated and (
            posting.employer.members.filter(user=user).exists()
            or posting.applications.filter(learner=user).exists()):
        return posting
    return None


def applications_of_learner(learner):
    return (Application.objects.filter(learner=learner)
            .select_related("posting", "posting__employer").prefetch_related("certificates"))


def applications_for_posting(posting):
    return (Application.objects.filter(posting=posting)
            .select_related("learner").prefetch_related("certificates")
            .order_by("created_at", "pk"))


def employer_postings(employer):
    from django.db.models import Count

    return (JobPosting.objects.filter(employer=employer)
            .annotate(n_applications=Count("applications")).order_by("-created_at", "-pk"))


def valid_certificates(learner):
    from courses.certificates.models import Certificate

    return Certificate.objects.filter(user=learner, revoked_at__isnull=True).order_by("-issued_at")


def has_trained(learner) -> bool:
    """Whether the learner ever held a learner role or completed a course (may self-report)."""
    from courses.models import CourseCompletion
    from lms.units.models import Role, RoleKind

    return (Role.objects.filter(user=learner, kind=RoleKind.LEARNER).exists()
            or CourseCompletion.objects.filter(user=learner).exists())


def pending_employers(user):
    """Employers waiting for approval in the user's subtrees (officers, school heads)."""
    from lms.units.permissions import units_visible_to

    from .models import Employer
    from .permissions import APPROVER

    units = units_visible_to(user, APPROVER).values("pk")
    return (Employer.objects.filter(unit__in=units).select_related("unit")
            .order_by("approved", "-created_at"))

