"""Notifications: one `Notification` per user and event, one `Delivery` per channel.

A delivery's `idempotency_key` ("<notification id>:<channel>") is unique, so a notification can
never be queued twice on a channel, and adapters pass the key to the gateway so a send repeated
after a worker crash is recognised. `state` only moves forward: pending → sending → sent, or
→ failed (with a `DeadLetter` row) once retries are exhausted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Trong ứng dụng")
    EMAIL = "email", _("Email")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo OA")


class Event(models.TextChoices):
    COURSE_COMPLETED = "course_completed", _("Hoàn thành khóa học")
    CERTIFICATE_EARNED = "certificate_earned", _("Nhận chứng chỉ")
    CLASS_NEWS = "class_news", _("Tin mới của lớp")
    WEEKLY_DIGEST = "weekly_digest", _("Bản tin tuần")
    REPORT_DUE = "report_due", _("Báo cáo sắp đến hạn")
    REPORT_RETURNED = "report_returned", _("Báo cáo bị trả lại")
    COURSE_NOT_STARTED = "course_not_started", _("Nhắc bắt đầu khóa học")
    SIGN_IN_CODE = "sign_in_code", _("Mã đăng nhập")
    GUARDIAN_INVITE = "guardian_invite", _("Lời mời phụ huynh")
    PLAN_TASK_OVERDUE = "plan_task_overdue", _("Nhiệm vụ kế hoạch quá hạn")
    CONTEST_RESULT = "contest_result", _("Kết quả cuộc thi")
    APPLICATION_RECEIVED = "application_received", _("Hồ sơ ứng tuyển mới")
    APPLICATION_STATUS = "application_status", _("Cập nhật hồ sơ ứng tuyển")
    RECOGNITION_CONFIRMED = "recognition_confirmed", _("Được công nhận danh hiệu")
    CLUB_MEMBERSHIP = "club_membership", _("Tham gia câu lạc bộ")
    ACCOUNT_SECURITY = "account_security", _("Thay đổi bảo mật tài khoản")
    ASSIGNMENT_NEW = "assignment_new", _("Bài tập mới")
    ASSIGNMENT_DUE = "assignment_due", _("Bài tập sắp đến hạn")
    SUBMISSION_RETURNED = "submission_returned", _("Bài tập đã được chấm")
    QA_QUESTION_NEW = "qa_question_new", _("Câu hỏi mới về bài học")
    QA_ANSWER_NEW = "qa_answer_new", _("Câu trả lời mới")
    STREAM_POST = "stream_post", _("Bài đăng mới trên bảng tin lớp")


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notifications")
    event = models.CharField(_("sự kiện"), max_length=30, choices=Event.choices)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"))
    sms_text = models.CharField(_("nội dung SMS"), max_length=160, blank=True)
    url = models.CharField(_("liên kết"), max_length=300, blank=True)
    # Makes an event idempotent for one user, e.g. "course_completed:<completion id>".
    dedupe_key = models.CharField(max_length=120, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "dedupe_key"],
                                               name="notification_dedupe_unique")]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.title


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Thất bại")
    SKIPPED = "skipped", _("Bỏ qua")


class Delivery(models.Model):
    notification = models.ForeignKey(Notification, on_delete=models.CASCADE,
                                     related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    idempotency_key = models.CharField(max_length=60, unique=True)
    state = models.CharField(max_length=10, choices=DeliveryState.choices,
                             default=DeliveryState.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # A claim (state=sending) is a lease: a worker that dies leaves it to expire and the
    # sweeper (deliveries_resume) hands the delivery to another worker.
    lease_until = models.DateTimeField(null=True, blank=True)
    not_before = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=120, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt gửi")
        verbose_name_plural = _("lượt gửi")

    def __str__(self) -> str:
        return self.idempotency_key


class DeadLetter(models.Model):
    """A delivery that failed after every retry, kept for an operator to inspect and resend."""

    delivery = models.OneToOneField(Delivery, on_delete=models.CASCADE,
                                    related_name="dead_letter")
    error = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thư lỗi")
        verbose_name_plural = _("thư lỗi")

    def __str__(self) -> str:
        return f"{self.delivery_id}: {self.error[:60]}"


class Preference(models.Model):
    """Which channels a user wants and when not to be disturbed (SMS and Zalo wait out quiet
    hours; in-app and email are silent so they go at once). Absent row = defaults."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference")
    in_app = models.BooleanField(_("trong ứng dụng"), default=True)
    email = models.BooleanField(_("email"), default=True)
    sms = models.BooleanField(_("tin nhắn SMS"), default=False)
    zalo = models.BooleanField(_("Zalo"), default=False)
    zalo_user_id = models.CharField(_("mã người dùng Zalo OA"), max_length=64, blank=True)
    weekly_digest = models.BooleanField(_("nhận bản tin tuần"), default=True)
    quiet_start = models.PositiveSmallIntegerField(_("giờ yên lặng bắt đầu"), default=21)
    quiet_end = models.PositiveSmallIntegerField(_("giờ yên lặng kết thúc"), default=7)

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = _("cài đặt thông báo")

    def __str__(self) -> str:
        return f"{self.user_id}: {', '.join(self.channels())}"

    def channels(self) -> list[str]:
        return [c for c in Channel.values if getattr(self, c)]
