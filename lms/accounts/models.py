"""People: the user account, a learner's profile, and guardians (parents) of learners."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.common.names import MAX_LENGTH as NAME_KEY_LENGTH
from lms.common.names import name_sort_key

from .ethnicity import Ethnicity, is_minority

# The fields a person's displayed name comes from (get_full_name): saving any of them
# re-computes the stored sort key.
_NAME_FIELDS = {"full_name", "first_name", "last_name", "username"}


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, unique=True, null=True,
                             blank=True)
    preferred_language = models.CharField(_("ngôn ngữ"), max_length=5, default="vi",
                                          choices=[("vi", "Tiếng Việt"), ("en", "English")])

    # Vietnamese name order (given, middle, family; Vietnamese collation) as an ASCII key that
    # sorts the same in every database collation (lms.common.names), so paginated lists can
    # ORDER BY it. Kept by save() and by the roster import's bulk writes (issue 19 item 11).
    name_key = models.CharField(max_length=NAME_KEY_LENGTH, blank=True, default="",
                                db_default="", editable=False, db_index=True)

    def save(self, *args, **kwargs):
        self.name_key = name_sort_key(self.get_full_name())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and _NAME_FIELDS & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username


class Sex(models.TextChoices):
    FEMALE = "F", _("Nữ")
    MALE = "M", _("Nam")


class HouseholdStatus(models.TextChoices):
    """"" is "not recorded" (reports show it as its own group, never as "not poor")."""

    NOT_RECORDED = "", _("Chưa ghi nhận")
    NONE = "none", _("Không thuộc diện")
    NEAR_POOR = "near_poor", _("Hộ cận nghèo")
    POOR = "poor", _("Hộ nghèo")


class LearnerProfile(models.Model):
    """Facts about a learner that targets filter on (sex, ethnicity, household, grade, year)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="learner_profile",
                                verbose_name=_("người dùng"))
    learner_code = models.CharField(_("mã học sinh"), max_length=40, unique=True, null=True,
                                    blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices, blank=True)
    # Empty: not recorded (never assumed to be Kinh).
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=Ethnicity.choices,
                                 default="", blank=True)
    household_status = models.CharField(_("hoàn cảnh hộ gia đình"), max_length=10,
                                         choices=HouseholdStatus.choices, blank=True, default="")
    grade = models.PositiveSmallIntegerField(_("khối lớp"), null=True, blank=True)
    expected_graduation_year = models.PositiveSmallIntegerField(_("năm dự kiến tốt nghiệp"),
                                                                null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ người học")
        verbose_name_plural = _("hồ sơ người học")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_ethnic_minority(self) -> bool:
        return is_minority(self.ethnicity)

    @property
    def is_poor_or_near_poor(self) -> bool:
        return self.household_status in (HouseholdStatus.POOR, HouseholdStatus.NEAR_POOR)


class GuardianContact(models.Model):
    """Contact details of a learner's guardian as the school records them (may have no account)."""

    profile = models.ForeignKey(LearnerProfile, on_delete=models.CASCADE,
                                related_name="guardian_contacts")
    name = models.CharField(_("họ tên người giám hộ"), max_length=150)
    relation = models.CharField(_("quan hệ"), max_length=40, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("liên hệ người giám hộ")
        verbose_name_plural = _("liên hệ người giám hộ")

    def __str__(self) -> str:
        return self.name


class GuardianLink(models.Model):
    """A parent account linked to a learner. Revoking sets `revoked_at`; access ends at once."""

    guardian = models.ForeignKey(User, on_delete=models.CASCADE, related_name="children_links")
    learner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="guardian_links")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("liên kết phụ huynh")
        verbose_name_plural = _("liên kết phụ huynh")
        constraints = [
            models.UniqueConstraint(fields=["guardian", "learner"], name="guardian_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.guardian} → {self.learner}"


class AccountAction(models.TextChoices):
    PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
    PASSWORD_RESET = "password_reset", _("Đặt lại mật khẩu (email hoặc SMS)")
    PASSWORD_SET_BY_ADMIN = "password_admin", _("Nhà trường cấp mật khẩu mới")
    LOCKOUT_LIFTED = "unlocked", _("Mở khóa đăng nhập")
    TWO_STEP_ON = "two_step_on", _("Bật đăng nhập hai bước")
    TWO_STEP_OFF = "two_step_off", _("Tắt đăng nhập hai bước")
    TWO_STEP_CHANNEL = "two_step_channel", _("Đổi cách nhận mã")
    RECOVERY_CODES_NEW = "recovery_new", _("Tạo mã dự phòng mới")


class AccountEvent(models.Model):
    """The audit trail of security changes to an account: who did what to whose account, when
    and from where. Failed sign-ins are in django-axes' AccessFailureLog."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="account_events",
                             verbose_name=_("tài khoản"))
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("người thực hiện"))
    action = models.CharField(_("việc"), max_length=20, choices=AccountAction.choices)
    ip_address = models.GenericIPAddressField(_("địa chỉ"), null=True, blank=True)
    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sự kiện bảo mật tài khoản")
        verbose_name_plural = _("sự kiện bảo mật tài khoản")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.at:%d/%m/%Y %H:%M}"


class SignInChannel(models.TextChoices):
    SMS = "sms", _("Tin nhắn SMS")
    EMAIL = "email", _("Email")


class SignInPurpose(models.TextChoices):
    TWO_STEP = "two_step", _("đăng nhập hai bước")
    CODE_LOGIN = "code_login", _("đăng nhập bằng mã")
    PASSWORD_RESET = "reset", _("đặt lại mật khẩu")
    REAUTH = "reauth", _("xác nhận lại danh tính")


class SignInPreference(models.Model):
    """A user's choice of two-step sign-in (a code after the password). No row = off."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="sign_in_preference")
    two_step = models.BooleanField(_("đăng nhập hai bước"), default=False)
    channel = models.CharField(_("nhận mã qua"), max_length=5, choices=SignInChannel.choices,
                               default=SignInChannel.SMS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "families_signinpreference"  # created by lms.families before sign-in moved here
        verbose_name = _("cài đặt đăng nhập")
        verbose_name_plural = _("cài đặt đăng nhập")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.two_step}/{self.channel}"


class SignInCode(models.Model):
    """A 6-digit one-time sign-in code. Only an HMAC-SHA256 (keyed by SECRET_KEY, bound to the
    user and purpose) is stored: a database dump does not give usable codes, and 10^6 codes
    cannot be brute-forced offline without the key. Single use, 10 minutes, 5 attempts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    purpose = models.CharField(max_length=12, choices=SignInPurpose.choices)
    channel = models.CharField(max_length=5, choices=SignInChannel.choices)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "families_signincode"  # created by lms.families before sign-in moved here
        verbose_name = _("mã đăng nhập một lần")
        verbose_name_plural = _("mã đăng nhập một lần")
        indexes = [models.Index(fields=["user", "purpose", "created_at"],
                                name="signin_code_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.created_at:%d/%m %H:%M}"


class RecoveryCode(models.Model):
    """A one-time recovery code for two-step sign-in (for a lost phone or mailbox). Ten are made
    at a time and shown once; only an HMAC-SHA256 (keyed by SECRET_KEY, bound to the user) is
    stored, as for sign-in codes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "families_recoverycode"  # created by lms.families before sign-in moved here
        verbose_name = _("mã dự phòng")
        verbose_name_plural = _("mã dự phòng")
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"],
                                               name="recovery_code_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%d/%m/%Y} {'used' if self.used_at else 'live'}"
