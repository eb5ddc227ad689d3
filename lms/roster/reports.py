"""XLSX files the roster feature writes: the error report (the file's own columns plus an error
column, so the school can fix the rows and upload them again) and the roster export, whose
headers are the import's own, so an export re-imports unchanged (round trip)."""

from __future__ import annotations

import io

from lms.accounts.ethnicity import Ethnicity
from lms.accounts.models import HouseholdStatus, Sex

from .columns import EXPORT_HEADERS

ERROR_COLUMN = "Lỗi"


def _safe(value):
    # A text cell starting with "=" would become a formula in the reader's spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def error_report_xlsx(headers: list[str], rows: list[tuple[int, list, str]]) -> bytes:
    from openpyxl import Workbook  # here: ~20 MiB a web worker need not hold (issue 18)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Lỗi nhập")
    sheet.append(["Dòng", *headers, ERROR_COLUMN])
    for number, values, message in sorted(rows, key=lambda r: r[0]):
        padded = list(values) + [None] * (len(headers) - len(values))
        sheet.append([number, *[_safe(v) for v in padded[:max(len(headers), len(values))]],
                      message])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


_SEX_LABEL = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
_HOUSEHOLD_LABEL = {HouseholdStatus.POOR: "Hộ nghèo", HouseholdStatus.NEAR_POOR: "Hộ cận nghèo"}
_ETHNICITY_LABEL = dict(Ethnicity.choices)


def export_row(record: dict) -> list:
    dob = record["date_of_birth"]
    return [
        record["learner_code"], record["full_name"],
        dob.strftime("%d/%m/%Y") if dob else "",
        _SEX_LABEL.get(record["sex"], ""), _ETHNICITY_LABEL.get(record["ethnicity"], ""),
        record["class_name"], record["grade"] or "",
        _HOUSEHOLD_LABEL.get(record["household_status"], ""),
        record["guardian_name"], record["guardian_phone"], record["guardian_email"],
    ]


def roster_xlsx(records) -> bytes:
    from openpyxl import Workbook  # here: ~20 MiB a web worker need not hold (issue 18)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách học sinh")
    sheet.append(list(EXPORT_HEADERS.values()))
    for record in records:
        sheet.append([_safe(v) for v in export_row(record)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
