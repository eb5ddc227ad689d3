"""The employment rate of trainees: learners (active learner role in the subtree) who completed
at least one course, and how many of them are now employed or self-employed (their latest
outcome). Three queries for a unit and all its children, so a province page stays cheap."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr

from .models import EMPLOYED_STATUSES, EmploymentOutcome
from .selectors import LATEST_ORDER

if TYPE_CHECKING:
    from lms.units.models import Unit

TARGET_PERCENT = 70  # seed 002: "ít nhất 70% học viên sau đào tạo có việc làm"


@dataclass
class RateRow:
    unit: "Unit"
    trainees: int
    employed: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.employed / self.trainees, 1) if self.trainees else None

    @property
    def meets_target(self) -> bool:
        return self.percent is not None and self.percent >= TARGET_PERCENT


def _trainee_roles(path: str):
    """Active learner roles under `path` whose learner completed a course, each annotated with
    the learner's latest employment status."""
    from courses.models import CourseCompletion
    from lms.units.models import Role, RoleKind

    latest = (EmploymentOutcome.objects.filter(learner=OuterRef("user_id"))
              .order_by(*LATEST_ORDER).values("status")[:1])
    return (Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                unit_path__startswith=path)
            .filter(Exists(CourseCompletion.objects.filter(user=OuterRef("user_id"))))
            .annotate(latest_status=Subquery(latest)))


_COUNTS = {"trainees": Count("user_id", distinct=True),
           "employed": Count("user_id", distinct=True,
                             filter=Q(latest_status__in=EMPLOYED_STATUSES))}


def employment_rates(unit) -> tuple[RateRow, list[RateRow]]:
    """(the unit's own row, one row per child unit ordered by name): three queries whatever
    the number of children. A learner with roles in two children counts in both."""
    children = list(unit.get_children().select_related("kind").order_by("name"))
    roles = _trainee_roles(unit.path)
    total = roles.aggregate(**_COUNTS)
    width = len(unit.path) + unit.steplen
    by_child = {row["child"]: row for row in roles.annotate(child=Substr("unit_path", 1, width))
                .values("child").annotate(**_COUNTS).values("child", *_COUNTS)}
    empty = dict.fromkeys(_COUNTS, 0)
    rows = [RateRow(unit=child, **{k: by_child.get(child.path, empty)[k] for k in _COUNTS})
            for child in children]
    return RateRow(unit=unit, **total), rows


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
