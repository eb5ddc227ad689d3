"""HọcMở as an LTI 1.3 platform: a lesson's external-tool block opens /lti/nen-tang/mo/…, which
starts the OIDC third-party login at the tool; the tool comes back to `auth` for the id_token
(signed with our key, jwcrypto). The tool calls `token` (client_credentials with a JWT it
signed) and then the AGS endpoints with the access token.

`token`, the AGS endpoints and the deep linking return are @public and CSRF-exempt: the tool
calls them server to server, or its page POSTs them cross-site (the protocol), each carrying a
signed JWT checked here."""

import json

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses.models import LessonPage
from courses.services import NotEnrolled
from lms.units.access import public, signed_in

from . import permissions, selectors
from .common_views import autopost, refused
from .jwt import TokenRefused, issuer, verify_ours, verify_tool
from .models import LtiToolLink
from .services import (
    access_token_issue,
    deep_link_apply,
    id_token_build,
    score_apply,
    tool_link_ensure,
)
from .services.platform import AGS_SCOPES, ROLE_LEARNER, SCOPE_NRPS, TOKEN_SCOPES

HINT_SALT = "lti.platform.hint"
HINT_AGE = 600
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@signed_in
@require_GET
def start(request, lesson_id: int, tool_id: int):
    """Begin a launch (or, for an editor with ?chon=1, a deep linking request) of the tool the
    lesson's block names: the OIDC third-party login initiation at the tool."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    tool = selectors.tool_active(tool_id)
    if tool is None or tool.pk not in selectors.lesson_tool_ids(lesson):
        return refused(request, _("Không tìm thấy công cụ."), status=404)
    deep = request.GET.get("chon") == "1"
    allowed = (permissions.can_launch_as_instructor(request.user, lesson) if deep
               else permissions.can_launch_tool(request.user, lesson))
    if not allowed:
        return refused(request, _("Bạn cần ghi danh khóa học để mở công cụ này."), status=404)
    hint = {"l": lesson.pk, "t": tool.pk, "d": deep, "u": request.user.pk}
    fields = {
        "iss": issuer(),
        "login_hint": signing.dumps(request.user.pk, salt=HINT_SALT),
        "lti_message_hint": signing.dumps(hint, salt=HINT_SALT),
        "target_link_uri": (tool.deep_link_url or tool.launch_url) if deep else tool.launch_url,
        "client_id": tool.client_id,
        "lti_deployment_id": tool.deployment_id,
    }
    return autopost(request, action=tool.login_url, fields=fields)


@public  # the tool sends the browser here; the signed-in user and the signed hints decide
@require_http_methods(["GET", "POST"])
def auth(request):
    """OIDC authentication response: the id_token, POSTed to the tool's redirect URI."""
    params = request.POST if request.method == "POST" else request.GET
    tool = selectors.tool_by_client_id(params.get("client_id", ""))
    redirect_uri = params.get("redirect_uri", "")
    if tool is None or not tool.accepts_redirect(redirect_uri):
        return refused(request, _("Công cụ hoặc địa chỉ trả về chưa được đăng ký."))
    if (params.get("response_type") != "id_token" or "openid" not in params.get("scope", "")
            .split() or not params.get("nonce")):
        return refused(request, _("Yêu cầu xác thực LTI không hợp lệ."))
    if not request.user.is_authenticated:
        return refused(request, _("Cần đăng nhập HọcMở để mở công cụ."), status=401)
    try:
        user_pk = signing.loads(params.get("login_hint", ""), salt=HINT_SALT, max_age=HINT_AGE)
        hint = signing.loads(params.get("lti_message_hint", ""), salt=HINT_SALT,
                             max_age=HINT_AGE)
    except signing.BadSignature:
        return refused(request, _("Yêu cầu xác thực LTI đã hết hạn."))
    if user_pk != request.user.pk or hint.get("u") != request.user.pk or hint.get("t") != tool.pk:
        return refused(request, _("Yêu cầu xác thực LTI không khớp người dùng."))
    lesson = LessonPage.objects.live().filter(pk=hint.get("l")).first()
    if lesson is None:
        return refused(request, _("Không tìm thấy bài học."), status=404)
    link = tool_link_ensure(tool=tool, lesson=lesson)
    lineitem = request.build_absolute_uri(reverse("lti:lineitem", args=[link.pk]))
    urls = {"lineitem": lineitem,
            "lineitems": request.build_absolute_uri(reverse("lti:lineitems", args=[link.pk])),
            "memberships": request.build_absolute_uri(reverse("lti:memberships",
                                                              args=[link.pk])),
            "deep_link_return": request.build_absolute_uri(
                reverse("lti:deep_link_return", args=[link.pk]))}
    token = id_token_build(tool=tool, link=link, user=request.user, nonce=params["nonce"],
                           deep_link=bool(hint.get("d")), urls=urls,
                           instructor=permissions.can_launch_as_instructor(
                               request.user, lesson))
    fields = {"id_token": token}
    if params.get("state"):
        fields["state"] = params["state"]
    return autopost(request, action=redirect_uri, fields=fields)


@public
@csrf_exempt  # the tool's page POSTs the deep linking response cross-site (LTI-DL)
@require_POST
def deep_link_return(request, link_id: int):
    link = get_object_or_404(LtiToolLink.objects.select_related("tool", "lesson"), pk=link_id)
    try:
        claims = verify_tool(request.POST.get("JWT", ""), jwks_url=link.tool.jwks_url,
                             issuer_=link.tool.client_id, audience=issuer(), once_claim="nonce")
    except TokenRefused:
        return refused(request, _("Phản hồi chọn nội dung không hợp lệ."))
    C = "https://purl.imsglobal.org/spec/lti/claim/"
    if (claims.get(C + "message_type") != "LtiDeepLinkingResponse"
            or claims.get(C + "deployment_id") != link.tool.deployment_id):
        return refused(request, _("Phản hồi chọn nội dung không hợp lệ."))
    deep_link_apply(link=link, claims=claims)
    return render(request, "lti/deep_link_done.html", {"link": link, "lesson": link.lesson})


def _oauth_error(error: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": error}, status=status)


@public
@csrf_exempt  # OAuth 2 client_credentials: the tool's server calls it, no browser, no cookie
@require_POST
def token(request):
    """client_credentials grant with a JWT client assertion (RFC 7523) signed by the tool."""
    if (request.POST.get("grant_type") != "client_credentials"
            or request.POST.get("client_assertion_type") != ASSERTION_TYPE):
        return _oauth_error("unsupported_grant_type")
    assertion = request.POST.get("client_assertion", "")
    try:
        unverified = json.loads(signing.b64_decode(assertion.split(".")[1].encode()))
        client_id = str(unverified.get("sub") or "")
    except (ValueError, IndexError, TypeError, AttributeError):
        return _oauth_error("invalid_client", 401)
    tool = selectors.tool_by_client_id(client_id)
    if tool is None:
        return _oauth_error("invalid_client", 401)
    audience = request.build_absolute_uri(reverse("lti:token"))
    try:
        claims = verify_tool(assertion, jwks_url=tool.jwks_url, issuer_=tool.client_id,
                             audience=audience, once_claim="jti")
    except TokenRefused:
        return _oauth_error("invalid_client", 401)
    if claims.get("sub") != tool.client_id:
        return _oauth_error("invalid_client", 401)
    scopes = [s for s in request.POST.get("scope", "").split() if s in TOKEN_SCOPES]
    if not scopes:
        return _oauth_error("invalid_scope")
    return JsonResponse({"access_token": access_token_issue(tool=tool, scopes=scopes,
                                                            audience=audience),
                         "token_type": "Bearer", "expires_in": 3600, "scope": " ".join(scopes)})


def _bearer(request, link: LtiToolLink, scope: str) -> bool:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return False
    try:
        claims = verify_ours(header[7:], audience=request.build_absolute_uri(
            reverse("lti:token")))
    except TokenRefused:
        return False
    return claims.get("sub") == link.tool.client_id and scope in str(
        claims.get("scope", "")).split()


def _lineitem_json(request, link: LtiToolLink) -> dict:
    return {"id": request.build_absolute_uri(reverse("lti:lineitem", args=[link.pk])),
            "label": link.title or link.lesson.title, "scoreMaximum": link.score_maximum,
            "resourceLinkId": link.resource_link_id}


@public
@csrf_exempt  # AGS: the tool's server calls it with a Bearer token
@require_GET
def lineitems(request, link_id: int):
    link = get_object_or_404(LtiToolLink.objects.select_related("tool", "lesson"), pk=link_id)
    if not _bearer(request, link, AGS_SCOPES[0]) and not _bearer(request, link, AGS_SCOPES[1]):
        return _oauth_error("invalid_token", 401)
    return JsonResponse([_lineitem_json(request, link)], safe=False,
                        content_type="application/vnd.ims.lis.v2.lineitemcontainer+json")


@public
@csrf_exempt  # AGS: the tool's server calls it with a Bearer token
@require_GET
def lineitem(request, link_id: int):
    link = get_object_or_404(LtiToolLink.objects.select_related("tool", "lesson"), pk=link_id)
    if not _bearer(request, link, AGS_SCOPES[0]) and not _bearer(request, link, AGS_SCOPES[1]):
        return _oauth_error("invalid_token", 401)
    return JsonResponse(_lineitem_json(request, link),
                        content_type="application/vnd.ims.lis.v2.lineitem+json")


@public
@csrf_exempt  # AGS: the tool's server POSTs scores with a Bearer token
@require_POST
def scores(request, link_id: int):
    link = get_object_or_404(LtiToolLink.objects.select_related("tool", "lesson"), pk=link_id)
    if not _bearer(request, link, AGS_SCOPES[2]):
        return _oauth_error("invalid_token", 401)
    try:
        score = json.loads(request.body)
        user_pk = int(score["userId"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "invalid_request"}, status=400)
    if not isinstance(score, dict):
        return JsonResponse({"error": "invalid_request"}, status=400)
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if user is None:
        return JsonResponse({"error": "unknown_user"}, status=404)
    try:
        score_apply(link=link, user=user, score=score)
    except NotEnrolled:
        return JsonResponse({"error": "not_enrolled"}, status=404)
    return JsonResponse({}, status=200)


@public
@csrf_exempt  # NRPS: the tool's server calls it with a Bearer token
@require_GET
def memberships(request, link_id: int):
    """Names and Role Provisioning: the course's enrolled learners, by opaque id only (no
    names or emails of minors leave HọcMở)."""
    link = get_object_or_404(LtiToolLink.objects.select_related("tool", "lesson"), pk=link_id)
    if not _bearer(request, link, SCOPE_NRPS):
        return _oauth_error("invalid_token", 401)
    course = link.lesson.get_parent()
    members = [{"user_id": str(pk), "status": "Active", "roles": [ROLE_LEARNER]}
               for pk in selectors.course_learner_ids(course.pk)]
    return JsonResponse({"id": request.build_absolute_uri(), "members": members,
                         "context": {"id": str(course.pk), "title": course.title}},
                        content_type="application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
