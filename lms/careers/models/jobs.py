"""The job and apprenticeship board: employers (approved by an officer or school head whose
subtree holds the employer's unit), their staff accounts, postings and learners' applications."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

tax_code_validator = RegexValidator(
    r"^\d{10}(-\d{3})?$",
    _("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số (chi nhánh)."))


class Employer(models.Model):
    name = models.CharField(_("tên doanh nghiệp / cơ sở"), max_length=200)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, unique=True,
                                validators=[tax_code_validator])
    # The unit whose officers (or school heads) vouch for the employer: usually the province
    # department or the commune where it operates, or a partner school.
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="employers",
                             verbose_name=_("địa bàn (đơn vị quản lý)"))
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=150)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=20, blank=True)
    contact_email = models.EmailField(_("email liên hệ"), blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    approved = models.BooleanField(_("đã được duyệt"), default=False)
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("người duyệt"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("doanh nghiệp tuyển dụng")
        verbose_name_plural = _("doanh nghiệp tuyển dụng")

    def __str__(self) -> str:
        return self.name


class EmployerMember(models.Model):
    """An employer account: a user who acts for one employer."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="members",
                                 verbose_name=_("doanh nghiệp"))
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="employer_membership",
                                verbose_name=_("tài khoản"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài khoản doanh nghiệp")
        verbose_name_plural = _("tài khoản doanh nghiệp")

    def __str__(self) -> str:
        return f"{self.user} @ {self.employer}"


class PostingKind(models.TextChoices):
    JOB = "job", _("Việc làm")
    APPRENTICESHIP = "apprenticeship", _("Học nghề / thực tập")


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    OPEN = "open", _("Đang nhận hồ sơ")
    CLOSED = "closed", _("Đã đóng")


class JobPosting(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="postings",
                                 verbose_name=_("doanh nghiệp"))
    title = models.CharField(_("vị trí"), max_length=200)
    kind = models.CharField(_("loại tin"), max_length=20, choices=PostingKind.choices,
                            default=PostingKind.JOB)
    occupation = models.ForeignKey("careers.Occupation", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="postings",
                                   verbose_name=_("nghề"))
    location = models.CharField(_("nơi làm việc"), max_length=200)
    wage_min = models.PositiveIntegerField(_("lương từ (đồng/tháng)"), null=True, blank=True)
    wage_max = models.PositiveIntegerField(_("lương đến (đồng/tháng)"), null=True, blank=True)
    description = models.TextField(_("mô tả công việc"))
    requirements = models.TextField(_("yêu cầu"), blank=True)
    required_courses = models.ManyToManyField(
        "courses.CoursePage", blank=True, related_name="+",
        verbose_name=_("khóa học bắt buộc đã hoàn thành"))
    deadline = models.DateField(_("hạn nộp hồ sơ"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=PostingStatus.choices,
                              default=PostingStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("tin tuyển dụng")
        verbose_name_plural = _("tin tuyển dụng")
        indexes = [models.Index(fields=["status", "deadline"], name="careers_posting_open_idx")]

    def __str__(self) -> str:
        return f"{self.title} — {self.employer}"

    @property
    def is_open(self) -> bool:
        """Accepting applications: open, not past its deadline, from an approved employer."""
        return (self.status == PostingStatus.OPEN and self.deadline >= timezone.localdate()
                and self.employer.approved)


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp")
    SEEN = "seen", _("Doanh nghiệp đã xem")
    INTERVIEW = "interview", _("Mời phỏng vấn")
    ACCEPTED = "accepted", _("Được nhận")
    DECLINED = "declined", _("Chưa phù hợp")


class Application(models.Model):
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE,
                                related_name="applications", verbose_name=_("tin tuyển dụng"))
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="job_applications", verbose_name=_("người ứng tuyển"))
    message = models.TextField(_("lời nhắn"), blank=True)
    contact = models.CharField(_("liên hệ (điện thoại hoặc email)"), max_length=150)
    certificates = models.ManyToManyField("certificates.Certificate", blank=True,
                                          related_name="+", verbose_name=_("chứng chỉ kèm theo"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.SUBMITTED)
    created_at = models.DateTimeField(_("nộp lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hồ sơ ứng tuyển")
        verbose_name_plural = _("hồ sơ ứng tuyển")
        constraints = [models.UniqueConstraint(fields=["posting", "learner"],
                                               name="careers_application_once")]

    def __str__(self) -> str:
        return f"{self.learner} → {self.posting}"
