"""Assignment and Grade Services (as a tool): a learner's progress in the launched course or
lesson goes back to the platform's line item, through pylti1p3."""

from datetime import UTC, datetime

from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.service_connector import ServiceConnector

from courses.models import CoursePage, LessonPage, LessonProgress

from .. import http
from ..models import LtiContext, LtiLinkUser
from ..tool_conf import registration_for
from .tool import grade_sent_mark, members_apply

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"


def percent_of(link_user: LtiLinkUser) -> tuple[int, bool]:
    """(percent, completed) of the link's page: a lesson's own progress, or for a course the
    share of its required live lessons completed."""
    page = link_user.link.page.specific
    if isinstance(page, LessonPage):
        row = LessonProgress.objects.filter(user=link_user.user, lesson=page).first()
        if row is None:
            return 0, False
        return row.percent, row.completed_at is not None
    if isinstance(page, CoursePage):
        lesson_ids = list(LessonPage.objects.live().child_of(page).filter(required=True)
                          .values_list("pk", flat=True))
        if not lesson_ids:
            return 0, False
        done = LessonProgress.objects.filter(user=link_user.user, lesson_id__in=lesson_ids,
                                             completed_at__isnull=False).count()
        return round(100 * done / len(lesson_ids)), done == len(lesson_ids)
    return 0, False


def grade_send(*, link_user_id: int) -> bool:
    """Send the learner's score to the link's line item. Idempotent: the same score is sent
    once (LtiLinkUser.sent_score); the platform keeps the latest score anyway. True if sent."""
    link_user = (LtiLinkUser.objects.select_related("link__platform", "link__page", "user")
                 .filter(pk=link_user_id).first())
    if link_user is None:
        return False
    link = link_user.link
    if not link.lineitem_url or SCORE_SCOPE not in link.ags_scopes:
        return False
    percent, completed = percent_of(link_user)
    if link_user.sent_score == percent:
        return False
    sub = link_user.user.lti_identities.filter(platform=link.platform).values_list(
        "sub", flat=True).first()
    if sub is None:
        return False
    connector = ServiceConnector(registration_for(link.platform), http.session())
    ags = AssignmentsGradesService(connector, {"scope": link.ags_scopes,
                                               "lineitem": link.lineitem_url})
    grade = (Grade().set_score_given(percent).set_score_maximum(100)
             .set_timestamp(datetime.now(UTC).isoformat())
             .set_activity_progress("Completed" if completed else "InProgress")
             .set_grading_progress("FullyGraded" if completed else "Pending")
             .set_user_id(sub))
    ags.put_grade(grade)
    grade_sent_mark(link_user=link_user, percent=percent)
    return True


def members_sync(*, context_pk: int) -> int:
    """Names and Role Provisioning: read the context's members and apply them."""
    context = LtiContext.objects.select_related("platform", "class_unit").filter(
        pk=context_pk).first()
    if context is None or not context.memberships_url:
        return 0
    connector = ServiceConnector(registration_for(context.platform), http.session())
    nrps = NamesRolesProvisioningService(connector, {
        "context_memberships_url": context.memberships_url})
    return members_apply(context=context, members=nrps.get_members())
