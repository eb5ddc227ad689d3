"""XLSX of recognition counts per child unit (for officers' reports)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RecognitionKind


def counts_xlsx(unit, year: int, rows: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = str(year)
    sheet.append([_("SỐ LƯỢNG CÔNG NHẬN XÃ HỘI HỌC TẬP NĂM %(year)s") % {"year": year}])
    sheet.append([f"{unit.name} — {timezone.localdate():%d/%m/%Y}"])
    sheet.append([])
    labels = [str(label) for _k, label in RecognitionKind.choices]
    sheet.append([_("Đơn vị"), *[_("%(kind)s: đã công nhận") % {"kind": k} for k in labels],
                  *[_("%(kind)s: chờ xét duyệt") % {"kind": k} for k in labels]])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    kinds = [k for k, _label in RecognitionKind.choices]
    for i, row in enumerate(rows):
        name = row["unit"].name if i else _("%(name)s (toàn đơn vị)") % {"name": row["unit"].name}
        sheet.append([name, *[row["confirmed"][k] for k in kinds],
                      *[row["pending"][k] for k in kinds]])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 44
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
