"""HọcMở as an LTI platform: the id_token of a launch into an external tool, the deep link a
tool returns, the access tokens of AGS calls, and a tool's score taken into lesson progress."""

import contextlib

from django.db import transaction
from django.utils import timezone

from courses.models import LessonPage
from courses.services import NotEnrolled, progress_record

from ..jwt import issuer, sign
from ..models import LtiTool, LtiToolLink, LtiToolScore

C = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
SCOPE_RESULT = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCOPE_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
AGS_SCOPES = (SCOPE_LINEITEM, SCOPE_RESULT, SCOPE_SCORE)
TOKEN_SCOPES = (*AGS_SCOPES, SCOPE_NRPS)
ROLE_LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
ROLE_INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


def tool_link_ensure(*, tool: LtiTool, lesson: LessonPage) -> LtiToolLink:
    link, _ = LtiToolLink.objects.get_or_create(
        tool=tool, lesson=lesson, defaults={"title": lesson.title[:255]})
    return link


def id_token_build(*, tool: LtiTool, link: LtiToolLink, user, nonce: str, deep_link: bool,
                   urls: dict, instructor: bool) -> str:
    """The id_token of a launch (or a deep linking request) for `user`. Only an opaque id of
    the user is sent: no name, no email (minors' data stays here)."""
    lesson = link.lesson
    course = lesson.get_parent()
    claims = {
        "iss": issuer(), "aud": tool.client_id, "sub": str(user.pk), "nonce": nonce,
        C + "version": "1.3.0",
        C + "deployment_id": tool.deployment_id,
        C + "roles": [ROLE_INSTRUCTOR if instructor else ROLE_LEARNER],
        C + "context": {"id": str(course.pk), "title": course.title,
                        "type": ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"]},
        C + "tool_platform": {"guid": issuer(), "name": "HọcMở", "product_family_code": "hocmo"},
    }
    if deep_link:
        claims.update({
            C + "message_type": "LtiDeepLinkingRequest",
            C + "target_link_uri": tool.deep_link_url or tool.launch_url,
            DL + "deep_linking_settings": {
                "deep_link_return_url": urls["deep_link_return"],
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["window", "iframe"],
                "accept_multiple": False, "auto_create": True,
                "data": str(link.pk),
            },
        })
    else:
        claims.update({
            C + "message_type": "LtiResourceLinkRequest",
            C + "target_link_uri": link.url or tool.launch_url,
            C + "resource_link": {"id": link.resource_link_id, "title": link.title},
            AGS: {"scope": list(AGS_SCOPES), "lineitem": urls["lineitem"],
                  "lineitems": urls["lineitems"]},
            NRPS: {"context_memberships_url": urls["memberships"],
                   "service_versions": ["2.0"]},
        })
        if link.custom:
            claims[C + "custom"] = link.custom
    return sign(claims)


def deep_link_apply(*, link: LtiToolLink, claims: dict) -> LtiToolLink:
    """The first ltiResourceLink of a deep linking response becomes the lesson's link."""
    items = claims.get(DL + "content_items") or []
    item = next((i for i in items if isinstance(i, dict) and i.get("type") == "ltiResourceLink"),
                None)
    if item is None:
        return link
    link.url = str(item.get("url") or "")[:500]
    link.title = str(item.get("title") or link.title)[:255]
    custom = item.get("custom")
    link.custom = {str(k): str(v) for k, v in custom.items()} if isinstance(custom, dict) else {}
    line_item = item.get("lineItem")
    if isinstance(line_item, dict):
        with contextlib.suppress(TypeError, ValueError):
            link.score_maximum = max(float(line_item.get("scoreMaximum", 100)), 1.0)
    link.save(update_fields=["url", "title", "custom", "score_maximum"])
    return link


def access_token_issue(*, tool: LtiTool, scopes: list[str], audience: str) -> str:
    return sign({"iss": issuer(), "aud": audience, "sub": tool.client_id,
                 "scope": " ".join(scopes)}, lifetime=3600)


def score_apply(*, link: LtiToolLink, user, score: dict) -> LtiToolScore:
    """Keep the tool's latest score and move the lesson's progress (monotonic: progress_record
    never goes backwards). Raises NotEnrolled for a learner not enrolled in the course."""
    given, maximum = score.get("scoreGiven"), score.get("scoreMaximum")
    activity = str(score.get("activityProgress") or "")[:20]
    grading = str(score.get("gradingProgress") or "")[:20]
    with transaction.atomic():
        row, _ = LtiToolScore.objects.update_or_create(
            link=link, user=user,
            defaults={"score_given": given, "score_maximum": maximum,
                      "activity_progress": activity, "grading_progress": grading,
                      "timestamp": timezone.now()})
    percent = 0
    if isinstance(given, int | float) and isinstance(maximum, int | float) and maximum > 0:
        percent = round(100 * max(0.0, min(float(given) / float(maximum), 1.0)))
    completed = activity in ("Completed", "Submitted") or grading == "FullyGraded"
    progress_record(user=user, lesson=link.lesson, percent=percent, completed=completed,
                    source="lti")
    return row


__all__ = ["NotEnrolled", "access_token_issue", "deep_link_apply", "id_token_build",
           "score_apply", "tool_link_ensure"]
