"""State changes for careers: questionnaire results, employers, postings, applications and
employment outcomes. Views call these; each checks its own rule so no caller can skip it."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.notifications.announcements import (
    application_received_notify,
    application_status_notify,
)

from . import riasec
from .models import (
    Application,
    ApplicationStatus,
    Employer,
    EmployerMember,
    EmploymentOutcome,
    JobPosting,
    OutcomeSource,
    QuestionnaireResult,
)
from .permissions import can_approve_employer, can_record_outcome, employer_of


class CareersError(Exception):
    """A refused action; the message is shown to the user (Vietnamese)."""


# --- Questionnaire --------------------------------------------------------------------------


def questionnaire_result_save(*, user, answers: dict[str, int]) -> tuple[QuestionnaireResult, bool]:
    """Store a signed-in learner's result. Submitting the same answers again (a double click,
    a reload) returns the latest result instead of adding a copy."""
    answers = {key: int(answers[key]) for key in riasec.STATEMENT_KEYS}
    scored = riasec.score(answers)
    latest = QuestionnaireResult.objects.filter(user=user).first()
    if latest is not None and latest.answers == answers:
        return latest, False
    result = QuestionnaireResult.objects.create(user=user, answers=answers,
                                                scores=scored.scores, code=scored.code)
    return result, True


# --- Employers ------------------------------------------------------------------------------


@transaction.atomic
def employer_register(*, user=None, account: dict | None = None, **fields) -> Employer:
    """Register an employer (not yet approved) and make `user` — or a new account made from
    `account` (username, password, full_name) — its staff. All or nothing."""
    if user is None:
        account = account or {}
        user = get_user_model().objects.create_user(
            username=account["username"], password=account["password"],
            full_name=account.get("full_name", ""), email=fields.get("contact_email", ""))
    elif EmployerMember.objects.filter(user=user).exists():
        raise CareersError(_("Tài khoản này đã thuộc một doanh nghiệp."))
    employer = Employer.objects.create(**fields)
    EmployerMember.objects.create(employer=employer, user=user)
    return employer


def employer_approve(*, actor, employer: Employer, approved: bool = True) -> Employer:
    """Approve (or withdraw approval of) an employer. Officers and school heads over the
    employer's unit only; a conditional UPDATE makes a repeated click change nothing."""
    if not can_approve_employer(actor, employer):
        raise PermissionError
    if approved:
        Employer.objects.filter(pk=employer.pk, approved=False).update(
            approved=True, approved_at=timezone.now(), approved_by=actor)
    else:
        Employer.objects.filter(pk=employer.pk, approved=True).update(
            approved=False, approved_at=None, approved_by=None)
    employer.refresh_from_db()
    return employer


# --- Postings -------------------------------------------------------------------------------


@transaction.atomic
def posting_save(*, actor, data: dict, required_courses=(), posting: JobPosting | None = None
                 ) -> JobPosting:
    """Create or edit a posting of the actor's own employer. Only approved employers post."""
    employer = employer_of(actor)
    if employer is None or (posting is not None and posting.employer_id != employer.pk):
        raise PermissionError
    if not employer.approved:
        raise CareersError(_("Doanh nghiệp chưa được duyệt nên chưa thể đăng tin."))
    if posting is None:
        posting = JobPosting(employer=employer, created_by=actor)
    for name, value in data.items():
        setattr(posting, name, value)
    posting.full_clean(exclude=["employer", "created_by"])
    posting.save()
    posting.required_courses.set(required_courses)
    return posting


# --- Applications ---------------------------------------------------------------------------


def missing_courses(learner, posting: JobPosting) -> list:
    """Required courses the learner has not completed."""
    from courses.models import CourseCompletion

    required = list(posting.required_courses.all())
    done = set(CourseCompletion.objects.filter(user=learner, course__in=required)
               .values_list("course_id", flat=True))
    return [course for course in required if course.pk not in done]


def application_submit(*, learner, posting: JobPosting, message: str = "", contact: str,
                       certificates=()) -> tuple[Application, bool]:
    """Apply once. A second submission returns the first application unchanged (created=False).
    Closed postings, the employer's own staff and learners missing a required course are
    refused; attached certificates must be the learner's own valid ones."""
    existing = Application.objects.filter(posting=posting, learner=learner).first()
    if existing is not None:
        return existing, False
    if not posting.is_open:
        raise CareersError(_("Tin này đã hết hạn hoặc đã đóng, không nhận thêm hồ sơ."))
    if EmployerMember.objects.filter(user=learner, employer_id=posting.employer_id).exists():
        raise CareersError(_("Không thể ứng tuyển vào tin của chính doanh nghiệp mình."))
    missing = missing_courses(learner, posting)
    if missing:
        raise CareersError(_("Bạn cần hoàn thành khóa học: %(courses)s.")
                           % {"courses": ", ".join(c.title for c in missing)})
    certificates = list(certificates)
    if any(c.user_id != learner.pk or not c.is_valid for c in certificates):
        raise CareersError(_("Chỉ đính kèm được chứng chỉ còn hiệu lực của chính bạn."))
    try:
        with transaction.atomic():
            application = Application.objects.create(posting=posting, learner=learner,
                                                     message=message, contact=contact)
            application.certificates.set(certificates)
    except IntegrityError:  # a concurrent submission won: same answer as the repeat above
        return Application.objects.get(posting=posting, learner=learner), False
    transaction.on_commit(lambda: application_received_notify(application))
    return application, True


def application_status_set(*, actor, application: Application, status: str) -> Application:
    """The posting's employer staff move an application along; nobody else may."""
    employer = employer_of(actor)
    if employer is None or application.posting.employer_id != employer.pk:
        raise PermissionError
    if status not in ApplicationStatus.values:
        raise CareersError(_("Trạng thái không hợp lệ."))
    changed = Application.objects.filter(pk=application.pk).exclude(status=status).update(
        status=status, updated_at=timezone.now())
    application.status = status
    if changed:
        transaction.on_commit(lambda: application_status_notify(application))
    return application


# --- Employment outcomes --------------------------------------------------------------------


def outcome_record(*, actor, learner, status: str, employer_name: str = "", date=None,
                   occupation=None) -> tuple[EmploymentOutcome, bool]:
    """Record what a trainee does now. The learner reports for themself (source "self");
    teachers and school heads over the learner's class record for them (source "school").
    One row per learner, day and source: reporting again the same day changes that row.
    `employment_recorded` is sent on commit (models post_save receiver in receivers.py)."""
    if actor.pk == learner.pk:
        source = OutcomeSource.SELF
    elif can_record_outcome(actor, learner):
        source = OutcomeSource.SCHOOL
    else:
        raise PermissionError
    # update_or_create locks the row (select_for_update) inside its own transaction.
    return EmploymentOutcome.objects.update_or_create(
        learner=learner, date=date or timezone.localdate(), source=source,
        defaults={"status": status, "employer_name": employer_name,
                  "occupation": occupation, "recorded_by": actor,
                  "recorded_at": timezone.now()})
