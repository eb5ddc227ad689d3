"""LTI 1.3 / LTI Advantage (docs/features/interop-lti.md).

Our keys (LtiKey) sign what HọcMở sends as a tool (client assertions, deep linking responses) and
as a platform (id_tokens, access tokens); they are published at /lti/jwks.json.

HọcMở as a tool: LtiPlatform (a Moodle or Canvas that launches us), LtiIdentity (the HọcMở
account of an (issuer, sub)), LtiContext (the platform's course → a class unit), LtiResourceLink
(a link placed in the platform → a course or lesson page), LtiLinkUser and LtiGradeSent (who
launched a link, and the last score sent back).

HọcMở as a platform: LtiTool (an external tool a lesson block launches), LtiToolLink (a lesson's
link to a tool: the chosen deep link and its AGS line item), LtiToolScore (the tool's score)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LtiKey(models.Model):
    """An RSA key pair. The newest key without `retired_at` signs; every key whose grace period
    (`published_until`) has not ended stays in the JWKS so tokens signed before a rotation still
    verify. The private key is encrypted at rest (lms.lti.keys)."""

    kid = models.CharField(max_length=64, unique=True)
    private_key_encrypted = models.TextField(editable=False)
    public_jwk = models.JSONField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    published_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khóa ký LTI")
        verbose_name_plural = _("khóa ký LTI")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.kid


class LtiPlatform(models.Model):
    """A platform (Moodle, Canvas …) registered to launch HọcMở as a tool."""

    name = models.CharField(_("tên"), max_length=200)
    issuer = models.URLField(_("issuer (iss)"), max_length=500)
    client_id = models.CharField(_("client ID"), max_length=255)
    deployment_ids = models.JSONField(_("deployment ID"), default=list, blank=True,
                                      help_text=_("Danh sách deployment ID được chấp nhận."))
    auth_login_url = models.URLField(_("URL xác thực OIDC"), max_length=500)
    auth_token_url = models.URLField(_("URL lấy access token"), max_length=500)
    auth_audience = models.CharField(_("audience của token"), max_length=500, blank=True)
    key_set_url = models.URLField(_("URL JWKS của nền tảng"), max_length=500)
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("đơn vị"),
                             help_text=_("Trường hoặc sở: lớp học từ nền tảng được tạo dưới "
                                         "đơn vị này."))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nền tảng LTI")
        verbose_name_plural = _("nền tảng LTI")
        constraints = [models.UniqueConstraint(fields=["issuer", "client_id"],
                                               name="lti_platform_issuer_client")]

    def __str__(self) -> str:
        return self.name


class LtiIdentity(models.Model):
    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="identities")
    sub = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="lti_identities")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "sub"],
                                               name="lti_identity_platform_sub")]

    def __str__(self) -> str:
        return f"{self.platform_id}:{self.sub}"


class LtiContext(models.Model):
    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="contexts")
    context_id = models.CharField(max_length=255)
    title = models.CharField(max_length=255, blank=True)
    class_unit = models.ForeignKey("units.Unit", on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    memberships_url = models.URLField(max_length=500, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "context_id"],
                                               name="lti_context_platform_id")]

    def __str__(self) -> str:
        return self.title or self.context_id


class LtiResourceLink(models.Model):
    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="links")
    context = models.ForeignKey(LtiContext, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="links")
    resource_link_id = models.CharField(max_length=255)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    lineitem_url = models.URLField(max_length=500, blank=True)
    ags_scopes = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "resource_link_id"],
                                               name="lti_link_platform_id")]

    def __str__(self) -> str:
        return self.resource_link_id


class LtiLinkUser(models.Model):
    """A learner launched this link: their completion goes back to its line item."""

    link = models.ForeignKey(LtiResourceLink, on_delete=models.CASCADE, related_name="users")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_score = models.IntegerField(null=True, blank=True)  # percent last sent back (AGS)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "user"],
                                               name="lti_link_user")]

    def __str__(self) -> str:
        return f"{self.link_id}:{self.user_id}"


def _client_id() -> str:
    return uuid.uuid4().hex


class LtiTool(models.Model):
    """An external LTI 1.3 tool (a simulation, a lab) that lesson blocks launch."""

    name = models.CharField(_("tên"), max_length=200)
    client_id = models.CharField(_("client ID"), max_length=64, unique=True, default=_client_id)
    deployment_id = models.CharField(_("deployment ID"), max_length=64, default=_client_id)
    login_url = models.URLField(_("URL khởi tạo đăng nhập (OIDC)"), max_length=500)
    launch_url = models.URLField(_("URL khởi chạy (target link URI)"), max_length=500)
    redirect_uris = models.JSONField(_("redirect URI"), default=list, blank=True,
                                     help_text=_("Thêm các URL mà công cụ nhận id_token; URL "
                                                 "khởi chạy luôn được chấp nhận."))
    jwks_url = models.URLField(_("URL JWKS của công cụ"), max_length=500)
    deep_link_url = models.URLField(_("URL chọn nội dung (deep linking)"), max_length=500,
                                    blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công cụ LTI bên ngoài")
        verbose_name_plural = _("công cụ LTI bên ngoài")

    def __str__(self) -> str:
        return self.name

    def accepts_redirect(self, uri: str) -> bool:
        return uri in {self.launch_url, self.deep_link_url, *self.redirect_uris} - {""}


class LtiToolLink(models.Model):
    """A lesson's link to a tool: the address the tool gave by deep linking (or its launch URL)
    and the AGS line item its scores go to."""

    tool = models.ForeignKey(LtiTool, on_delete=models.CASCADE, related_name="links")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=255, blank=True)
    custom = models.JSONField(default=dict, blank=True)
    score_maximum = models.FloatField(default=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tool", "lesson"],
                                               name="lti_tool_link_lesson")]

    def __str__(self) -> str:
        return self.title or self.resource_link_id

    @property
    def resource_link_id(self) -> str:
        return f"hocmo-{self.lesson_id}-{self.tool_id}"


class LtiToolScore(models.Model):
    link = models.ForeignKey(LtiToolLink, on_delete=models.CASCADE, related_name="scores")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score_given = models.FloatField(null=True, blank=True)
    score_maximum = models.FloatField(null=True, blank=True)
    activity_progress = models.CharField(max_length=20, blank=True)
    grading_progress = models.CharField(max_length=20, blank=True)
    timestamp = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "user"],
                                               name="lti_tool_score_user")]

    def __str__(self) -> str:
        return f"{self.link_id}:{self.user_id}"
