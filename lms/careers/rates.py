"""The employment rate of trainees: learners (active learner role in the subtree) who completed
at least one course, and how many of them are now employed or self-employed (their latest
outcome). Two counting queries per unit shown, so a province page stays cheap."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery

from .models import EMPLOYED_STATUSES, EmploymentOutcome
from .selectors import LATEST_ORDER

TARGET_PERCENT = 70  # seed 002: "ít nhất 70% học viên sau đào tạo có việc làm"


@dataclass
class RateRow:
    unit: object
    trainees: int
    employed: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.employed / self.trainees, 1) if self.trainees else None

    @property
    def meets_target(self) -> bool:
        return self.percent is not None and self.percent >= TARGET_PERCENT


def trainees_in(path: str):
    """Users with an active learner role under `path` who completed a course."""
    from courses.models import CourseCompletion
    from lms.accounts.models import User
    from lms.units.models import Role, RoleKind

    roles = Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                unit_path__startswith=path).values("user_id")
    return User.objects.filter(pk__in=roles).filter(
        Exists(CourseCompletion.objects.filter(user=OuterRef("pk"))))


def employed_among(users):
    latest = (EmploymentOutcome.objects.filter(learner=OuterRef("pk"))
              .order_by(*LATEST_ORDER).values("status")[:1])
    return users.annotate(latest_status=Subquery(latest)).filter(
        latest_status__in=EMPLOYED_STATUSES)


def unit_rate(unit) -> RateRow:
    trainees = trainees_in(unit.path)
    return RateRow(unit=unit, trainees=trainees.count(), employed=employed_among(trainees).count())


def employment_rates(unit) -> tuple[RateRow, list[RateRow]]:
    """(the unit's own row, one row per child unit ordered by name)."""
    children = unit.get_children().select_related("kind").order_by("name")
    return unit_rate(unit), [unit_rate(child) for child in children]


def build_xlsx(total: RateRow, rows: list[RateRow]) -> bytes:
    import io

    from django.utils import timezone
    from django.utils.translation import gettext as _
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Tỷ lệ việc làm")[:31]
    sheet.append([_("TỶ LỆ HỌC VIÊN CÓ VIỆC LÀM SAU ĐÀO TẠO")])
    sheet.append([f"{total.unit.name} — {timezone.localdate():%d/%m/%Y}"])
    sheet.append([_("Chỉ tiêu: ít nhất %(n)s%% học viên có việc làm") % {"n": TARGET_PERCENT}])
    sheet.append([])
    sheet.append([_("STT"), _("Đơn vị"), _("Cấp"), _("Học viên đã hoàn thành khóa học"),
                  _("Có việc làm (kể cả tự tạo việc làm)"), _("Tỷ lệ (%)"), _("Đạt chỉ tiêu")])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for n, row in enumerate([*rows, total], start=1):
        sheet.append([n if row is not total else "", row.unit.name if row is not total
                      else _("Tổng %(unit)s") % {"unit": row.unit.name}, row.unit.kind.name,
                      row.trainees, row.employed, row.percent,
                      _("Đạt") if row.meets_target else _("Chưa đạt")])
    for column, width in zip("ABCDEFG", (6, 40, 26, 18, 18, 10, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
