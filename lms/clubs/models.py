"""Start-up clubs (seed 001, Đề án 1665): a club belongs to a school or a district office, has
advisers (teachers), members (learners), and activities with attendance and photos.

Dates, not flags, say when a club or a membership was live, so a report for a past term still
counts what was true then."""

from typing import cast

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import club_photo_storage


class ClubField(models.TextChoices):
    """The fields seed 001 (section III.3.1) lists for start-up clubs."""

    BUSINESS = "business", _("Khởi sự kinh doanh")
    ENTERPRISE = "enterprise", _("Khởi sự doanh nghiệp")
    INNOVATION = "innovation", _("Đổi mới sáng tạo")
    DIGITAL = "digital", _("Số hóa giáo dục")
    STEM = "stem", _("Khoa học kỹ thuật, STEM")
    OTHER = "other", _("Lĩnh vực khác")


class Club(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="clubs",
                             verbose_name=_("trường hoặc phòng GD&ĐT"))
    name = models.CharField(_("tên câu lạc bộ"), max_length=200)
    # vn_fold(name): the directory's accent-insensitive search is one LIKE on every database.
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=ClubField.choices,
                             default=ClubField.BUSINESS)
    description = models.TextField(_("giới thiệu"), max_length=4000, blank=True)
    founded_on = models.DateField(_("ngày thành lập"), default=timezone.localdate)
    is_public = models.BooleanField(_("hiện trong danh bạ công khai"), default=True)
    closed_on = models.DateField(_("ngày giải thể"), null=True, blank=True)
    advisers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                      related_name="advised_clubs",
                                      verbose_name=_("giáo viên phụ trách"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+", verbose_name=_("người tạo"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("câu lạc bộ")
        verbose_name_plural = _("câu lạc bộ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    ACTIVE = "active", _("Thành viên")
    DECLINED = "declined", _("Không được duyệt")
    LEFT = "left", _("Đã rời")


class Membership(models.Model):
    """One row per (club, learner) for life: asking again, re-joining or leaving updates it."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="memberships",
                             verbose_name=_("câu lạc bộ"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="club_memberships", verbose_name=_("học sinh"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=MembershipStatus.choices,
                              default=MembershipStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    joined_on = models.DateField(_("ngày tham gia"), null=True, blank=True)
    left_on = models.DateField(_("ngày rời"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("thành viên câu lạc bộ")
        verbose_name_plural = _("thành viên câu lạc bộ")
        constraints = [models.UniqueConstraint(fields=["club", "user"],
                                               name="club_membership_unique")]
        indexes = [models.Index(fields=["club", "status"], name="club_member_status_idx")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.club}"


class Activity(models.Model):
    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="activities",
                             verbose_name=_("câu lạc bộ"))
    date = models.DateField(_("ngày"))
    title = models.CharField(_("tên hoạt động"), max_length=200)
    description = models.TextField(_("nội dung"), max_length=4000, blank=True)
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hoạt động câu lạc bộ")
        verbose_name_plural = _("hoạt động câu lạc bộ")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["club", "date"], name="club_activity_date_idx")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.title}"


class Attendance(models.Model):
    """A present member. Absent members have no row; saving the list replaces the set."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [models.UniqueConstraint(fields=["activity", "user"],
                                               name="club_attendance_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.activity_id}"


class ActivityPhoto(models.Model):
    """Stored resized and re-encoded as JPEG with no metadata. Shown on the public page only
    when an adviser marked it public (photos of minors)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(storage=club_photo_storage, upload_to="club-photos/%Y/%m/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    alt = models.CharField(_("mô tả ảnh"), max_length=200, blank=True)
    is_public = models.BooleanField(_("công khai"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh hoạt động")
        verbose_name_plural = _("ảnh hoạt động")
        ordering = ["pk"]

    def __str__(self) -> str:
        return cast(str, self.image.name)
