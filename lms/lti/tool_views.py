"""HọcMở as an LTI 1.3 tool: JWKS, OIDC login initiation, launch, deep linking picker.
pylti1p3 checks every message (state, nonce, signature against the platform's JWKS, issuer,
audience, deployment, expiry); we add that a nonce is accepted once.

The login and launch endpoints are @public and CSRF-exempt: the platform's page POSTs them
cross-site (that is the protocol), and they carry their own proof (the signed id_token)."""

import logging

from django.conf import settings
from django.contrib.auth import login
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from lms.units.access import public, signed_in
from lms.units.models import RoleKind

from . import http, selectors
from .common_views import autopost, refused
from .services import launch_accept, lti_key_ensure
from .services.tool import identity_user, role_kind_of
from .tool_conf import DatabaseToolConf, launch_storage

log = logging.getLogger(__name__)
BACKEND = "lms.accounts.backends.AccountBackend"
SESSION_KEY = "lti_deep_links"
C = "https://purl.imsglobal.org/spec/lti/claim/"


@public
@require_GET
def jwks(request):
    """Our public keys (every key still in its grace period after a rotation)."""
    lti_key_ensure()
    response = JsonResponse(selectors.lti_jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response


@public
@csrf_exempt  # the platform sends the login initiation cross-site (GET or POST)
@require_http_methods(["GET", "POST"])
def login_initiation(request):
    target = request.POST.get("target_link_uri") or request.GET.get("target_link_uri") or ""
    if not target:
        return refused(request, _("Thiếu target_link_uri."))
    try:
        oidc = DjangoOIDCLogin(request, DatabaseToolConf(), launch_data_storage=launch_storage())
        return oidc.redirect(target)
    except LtiException as exc:
        log.info("LTI login refused: %s", exc)
        return refused(request, _("Yêu cầu đăng nhập LTI không hợp lệ."))


def _message_launch(request):
    return DjangoMessageLaunch(request, DatabaseToolConf(), launch_data_storage=launch_storage(),
                               requests_session=http.session())


def _nonce_once(data: dict) -> bool:
    return cache.add(f"lti:launch-nonce:{data.get('iss')}:{data.get('nonce')}", 1,
                     timeout=24 * 3600)


def _launched_page(data: dict):
    custom = data.get(C + "custom") or {}
    try:
        pk = int(custom.get("page_id") or 0)
    except (TypeError, ValueError):
        return None
    page = Page.objects.live().filter(pk=pk).specific().first()
    return page if isinstance(page, CoursePage | LessonPage) else None


@public
@csrf_exempt  # the platform's page POSTs the id_token cross-site (the launch itself)
@require_http_methods(["POST"])
def launch(request):
    try:
        message = _message_launch(request)
        data = message.get_launch_data()
    except LtiException as exc:
        log.info("LTI launch refused: %s", exc)
        return refused(request, _("Lượt mở từ hệ thống khác không hợp lệ hoặc đã hết hạn."))
    if not _nonce_once(data):
        return refused(request, _("Lượt mở này đã được dùng."))
    platform = selectors.platform_find(data["iss"], message.get_client_id())
    if platform is None:
        return refused(request, _("Hệ thống gửi chưa được đăng ký."))
    if message.is_deep_link_launch():
        if role_kind_of(data.get(C + "roles", [])) != RoleKind.TEACHER:
            return refused(request, _("Chỉ giáo viên được chọn nội dung."), status=403)
        user = identity_user(platform=platform, sub=str(data["sub"]),
                             name=str(data.get("name", "")))
        login(request, user, backend=BACKEND)
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:],
                                        message.get_launch_id()]
        return redirect("lti:pick", launch_id=message.get_launch_id())
    if not message.is_resource_launch():
        return refused(request, _("Loại thông điệp LTI này chưa được hỗ trợ."))
    page = _launched_page(data)
    if page is None:
        return refused(request, _("Không tìm thấy khóa học hoặc bài học được liên kết."),
                       status=404)
    user, _link = launch_accept(platform=platform, data=data, page=page)
    login(request, user, backend=BACKEND)
    return redirect(page.url)


@signed_in
@require_http_methods(["GET", "POST"])
def deep_link_pick(request, launch_id: str):
    """The teacher picks a course or lesson; a signed LtiDeepLinkingResponse goes back."""
    if launch_id not in request.session.get(SESSION_KEY, []):
        return refused(request, _("Phiên chọn nội dung đã hết hạn."), status=404)
    try:
        message = DjangoMessageLaunch.from_cache(launch_id, request, DatabaseToolConf(),
                                                 launch_data_storage=launch_storage(),
                                                 requests_session=http.session())
    except LtiException:
        return refused(request, _("Phiên chọn nội dung đã hết hạn."), status=404)
    if not message.is_deep_link_launch():
        return refused(request, _("Phiên chọn nội dung đã hết hạn."), status=404)
    courses = list(CoursePage.objects.live().order_by("title")[:200])
    lessons = list(LessonPage.objects.live().order_by("path")[:2000])
    if request.method == "POST":
        try:
            pk = int(request.POST.get("page_id", ""))
        except ValueError:
            pk = 0
        page = next((p for p in [*courses, *lessons] if p.pk == pk), None)
        if page is None:
            return refused(request, _("Hãy chọn một khóa học hoặc bài học."))
        resource = (DeepLinkResource()
                    .set_url(request.build_absolute_uri(reverse("lti:launch")))
                    .set_title(page.title)
                    .set_custom_params({"page_id": str(page.pk)})
                    .set_lineitem(LineItem().set_score_maximum(100).set_label(page.title)))
        deep_link = message.get_deep_link()
        settings_ = message.get_launch_data()[
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"]
        token = deep_link.get_response_jwt([resource])
        return autopost(request, action=settings_["deep_link_return_url"],
                        fields={"JWT": token})
    return render(request, "lti/pick.html", {"courses": courses, "lessons": lessons,
                                             "launch_id": launch_id,
                                             "site_name": getattr(settings, "WAGTAIL_SITE_NAME",
                                                                  "HọcMở")})
