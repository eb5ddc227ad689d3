"""Plans (kế hoạch) with their task tables (bảng phân công nhiệm vụ) and the units' updates.

A plan belongs to the unit whose subtree follows it (`issuing_unit`); `issuer_name` keeps the
issuing body as the document names it when that is not a unit of the tree (a ministry
department, a provincial association). A task's lead unit is a unit of the tree (who may post
updates) plus, optionally, the name the plan uses (e.g. "Vụ GDCTHSSV" inside the ministry).
`TaskUpdate` rows are append-only; `PlanTask.status` caches the latest update's status so lists
filter in SQL. "Overdue" is never stored: it is computed from the deadline and today's date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.common.jobs import BuiltFile

from .files import evidence_storage, evidence_upload_to


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


class Plan(models.Model):
    code = models.SlugField(_("mã kế hoạch"), max_length=80, unique=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True,
                              help_text=_("Ví dụ: 237/KH-BGDĐT"))
    title = models.CharField(_("tên kế hoạch"), max_length=400)
    issuing_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="plans",
                                     verbose_name=_("đơn vị ban hành, theo dõi"))
    issuer_name = models.CharField(_("cơ quan ban hành (theo văn bản)"), max_length=200,
                                   blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    period_start = models.DateField(_("bắt đầu thực hiện"))
    period_end = models.DateField(_("kết thúc thực hiện"), null=True, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    document = models.ForeignKey("library.LibraryItemPage", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("văn bản trong thư viện"))
    targets = models.ManyToManyField("reports.Target", blank=True, related_name="plans",
                                     verbose_name=_("chỉ tiêu"))
    is_tracked = models.BooleanField(_("đang theo dõi, nhắc hạn"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "code"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip()

    @property
    def issuer(self) -> str:
        return self.issuer_name or self.issuing_unit.name


class PlanTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks",
                             verbose_name=_("kế hoạch"))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    section = models.CharField(_("nhóm nhiệm vụ"), max_length=300, blank=True,
                               help_text=_("Ví dụ: Dự án 2: Đa dạng hóa sinh kế"))
    number = models.CharField(_("số thứ tự trong văn bản"), max_length=20, blank=True)
    title = models.TextField(_("nhiệm vụ"))
    description = models.TextField(_("mô tả"), blank=True)
    lead_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("đơn vị chủ trì"))
    lead_unit_name = models.CharField(_("đơn vị chủ trì (theo văn bản)"), max_length=200,
                                      blank=True)
    cooperating_units = models.ManyToManyField("units.Unit", blank=True, related_name="+",
                                               verbose_name=_("đơn vị phối hợp"))
    cooperating_text = models.CharField(_("đơn vị phối hợp (theo văn bản)"), max_length=300,
                                        blank=True)
    timeframe = models.CharField(_("thời gian thực hiện"), max_length=100, blank=True,
                                 help_text=_("Như trong văn bản, ví dụ: Tháng 03/2023"))
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    deliverable = models.TextField(_("sản phẩm"), blank=True)
    target = models.ForeignKey("reports.Target", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("chỉ tiêu liên quan"))
    status = models.CharField(_("tình trạng"), max_length=12, choices=TaskStatus.choices,
                              default=TaskStatus.NOT_STARTED, editable=False)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        indexes = [models.Index(fields=["status", "deadline"], name="plantask_status_deadline")]

    def __str__(self) -> str:
        return f"{self.number} {self.title[:80]}".strip()

    @property
    def lead_label(self) -> str:
        return self.lead_unit_name or self.lead_unit.name


class TaskUpdate(models.Model):
    """One unit's report on a task: append-only history (never edited or deleted in the UI)."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="updates",
                             verbose_name=_("nhiệm vụ"))
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị báo cáo"))
    status = models.CharField(_("tình trạng"), max_length=12, choices=TaskStatus.choices)
    note = models.TextField(_("nội dung cập nhật"), blank=True)
    links = models.JSONField(_("đường liên kết minh chứng"), default=list, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("người cập nhật"))
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True, db_index=True)
    # The form's one-time token: a repeated POST (double click, retry) finds the first update.
    client_token = models.CharField(max_length=40, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cập nhật nhiệm vụ")
        verbose_name_plural = _("cập nhật nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["task", "client_token"],
                                               name="taskupdate_token_unique")]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.status} ({self.unit_id})"


class EvidenceFile(models.Model):
    """A file attached to an update; stored outside MEDIA_ROOT and served only by the view."""

    update = models.ForeignKey(TaskUpdate, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(storage=evidence_storage, upload_to=evidence_upload_to,
                            max_length=255)
    name = models.CharField(_("tên tệp"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")

    def __str__(self) -> str:
        return self.name


class AnnexExport(BuiltFile):
    """A plan's annex as PDF, built by a Celery task (WeasyPrint takes about a second; issue 19
    item 13), like the reports' exports: the requester follows its progress on a page that
    refreshes itself and downloads it when ready; nobody else may."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="annex_exports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+")
    language = models.CharField(max_length=5, default="vi")
    # progress, content, filename, error, created_at, finished_at: BuiltFile

    def __str__(self) -> str:
        return self.filename or f"annex export {self.pk}"
