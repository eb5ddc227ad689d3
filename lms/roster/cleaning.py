"""Turning one raw row into clean values, or into errors naming the column (Vietnamese).

Every cleaner takes the raw cell (str, int, float, datetime or None) and returns the clean value
or raises CellError. Names are NFC-normalised (files from macOS arrive in NFD)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lms.accounts.ethnicity import Ethnicity
from lms.accounts.models import HouseholdStatus, Sex
from lms.common.phone import phone_normalise

from .columns import FIELDS, fold

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$")
EXCEL_EPOCH = datetime.date(1899, 12, 30)


class CellError(ValueError):
    pass


@dataclass(frozen=True)
class RosterRow:
    row_number: int
    learner_code: str
    full_name: str
    date_of_birth: datetime.date | None
    sex: str
    ethnicity: str
    class_name: str
    grade: int | None
    household_status: str
    guardian_name: str
    guardian_phone: str
    guardian_email: str


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = unicodedata.normalize("NFC", str(value))
    return " ".join(value.split())


def _no_formula(value: str) -> str:
    if value.startswith("="):
        raise CellError(_("Ô chứa công thức (%(f)s): hãy dán dạng giá trị.") % {"f": value[:30]})
    return value


def clean_code(value) -> str:
    code = _no_formula(text(value))
    if not CODE_RE.match(code):
        raise CellError(_("Mã học sinh “%(v)s” không hợp lệ (chỉ gồm chữ, số, . _ - /, tối đa "
                          "40 ký tự).") % {"v": code[:50]})
    return code


def clean_name(value) -> str:
    name = _no_formula(text(value))
    if len(name) > 150:
        raise CellError(_("Họ và tên dài quá 150 ký tự."))
    if any(ch.isdigit() for ch in name):
        raise CellError(_("Họ và tên “%(v)s” có chữ số.") % {"v": name})
    return name


def clean_date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, int | float):
        day = _from_serial(value)
    else:
        raw = _no_formula(text(value))
        day = _from_text(raw)
    if not (1900 <= day.year <= datetime.date.today().year):
        raise CellError(_("Ngày sinh %(v)s ngoài khoảng hợp lệ.") % {"v": day.strftime("%d/%m/%Y")})
    return day


def _from_serial(serial) -> datetime.date:
    if not 1 <= float(serial) < 100000:
        raise CellError(_("Ngày sinh “%(v)s” không phải ngày hợp lệ.") % {"v": serial})
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def _from_text(raw: str) -> datetime.date:
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", raw)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", raw)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
    except ValueError as exc:
        raise CellError(_("Ngày sinh “%(v)s” không tồn tại.") % {"v": raw}) from exc
    if re.fullmatch(r"\d{5}(\.0+)?", raw):
        return _from_serial(float(raw))
    raise CellError(_("Ngày sinh “%(v)s” không đúng dạng dd/mm/yyyy.") % {"v": raw})


_SEX = {"nam": Sex.MALE, "m": Sex.MALE, "male": Sex.MALE, "trai": Sex.MALE,
        "nu": Sex.FEMALE, "f": Sex.FEMALE, "female": Sex.FEMALE, "gai": Sex.FEMALE}


def clean_sex(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    try:
        return _SEX[fold(raw)]
    except KeyError:
        raise CellError(_("Giới tính “%(v)s” không rõ: ghi “Nam” hoặc “Nữ”.")
                        % {"v": raw}) from None


_ETHNICITY = {fold(label): code for code, label in Ethnicity.choices}
_ETHNICITY.update({code: code for code, _label in Ethnicity.choices})
_ETHNICITY.update({str(int(code)): code for code, _label in Ethnicity.choices})
_ETHNICITY.update({fold(alias): code for alias, code in [
    ("H'Mông", Ethnicity.HMONG), ("Hmông", Ethnicity.HMONG), ("Mèo", Ethnicity.HMONG),
    ("Khơ-me", Ethnicity.KHMER), ("Khơ me", Ethnicity.KHMER), ("Việt", Ethnicity.KINH),
    ("Kinh (Việt)", Ethnicity.KINH), ("Bana", Ethnicity.BA_NA), ("Êđê", Ethnicity.E_DE),
    ("Jrai", Ethnicity.GIA_RAI), ("Raglai", Ethnicity.RA_GLAI), ("Stiêng", Ethnicity.XTIENG),
    ("Vân Kiều", Ethnicity.BRU_VAN_KIEU), ("Khơ Mú", Ethnicity.KHO_MU), ("Hán", Ethnicity.HOA),
]})


def clean_ethnicity(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    code = _ETHNICITY.get(fold(raw))
    if code is None:
        raise CellError(_("Dân tộc “%(v)s” không có trong danh mục 54 dân tộc.") % {"v": raw})
    return code


# The roster's contract: a blank cell is "not poor" (recorded), like "Không".
_HOUSEHOLD = {"": HouseholdStatus.NONE, "khong": HouseholdStatus.NONE, "none": HouseholdStatus.NONE,
              "ngheo": HouseholdStatus.POOR, "hongheo": HouseholdStatus.POOR,
              "poor": HouseholdStatus.POOR, "canngheo": HouseholdStatus.NEAR_POOR,
              "hocanngheo": HouseholdStatus.NEAR_POOR, "nearpoor": HouseholdStatus.NEAR_POOR}


def clean_household(value) -> str:
    raw = text(value)
    try:
        return _HOUSEHOLD[fold(raw)]
    except KeyError:
        raise CellError(_("“%(v)s” không rõ: ghi “Hộ nghèo”, “Hộ cận nghèo” hoặc để trống.")
                        % {"v": raw}) from None


def clean_class(value) -> str:
    name = _no_formula(text(value))
    if len(name) > 60:
        raise CellError(_("Tên lớp dài quá 60 ký tự."))
    return name


def clean_grade(value, class_name: str) -> int | None:
    raw = text(value)
    if raw:
        match = re.fullmatch(r"(?:kh[oố]i\s*)?(\d{1,2})", raw, flags=re.IGNORECASE)
        if not match or not 1 <= int(match.group(1)) <= 12:
            raise CellError(_("Khối “%(v)s” phải là số từ 1 đến 12.") % {"v": raw})
        return int(match.group(1))
    match = re.match(r"(?:l[oớ]p\s*)?(\d{1,2})", class_name, flags=re.IGNORECASE)
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1))
    return None


def clean_phone(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    phone = phone_normalise(raw)  # also restores the leading 0 Excel drops from a number cell
    if not phone:
        raise CellError(_("Số điện thoại “%(v)s” không hợp lệ (10 chữ số, bắt đầu bằng 0).")
                        % {"v": raw})
    return phone


def clean_email(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    try:
        validate_email(raw)
    except ValidationError:
        raise CellError(_("Email “%(v)s” không hợp lệ.") % {"v": raw}) from None
    return raw.lower()


def clean_row(row_number: int, raw: dict) -> tuple[RosterRow | None, list[tuple[str, str]]]:
    """Clean every mapped cell; returns (row, []) or (None, [(field, message), ...])."""
    errors: list[tuple[str, str]] = []
    values: dict = {}

    def cell(key, cleaner, *args):
        try:
            values[key] = cleaner(raw.get(key), *args)
        except CellError as exc:
            errors.append((key, str(exc)))
            values[key] = None

    for key, cleaner in (("learner_code", clean_code), ("full_name", clean_name),
                         ("date_of_birth", clean_date), ("sex", clean_sex),
                         ("ethnicity", clean_ethnicity), ("class_name", clean_class),
                         ("household_status", clean_household), ("guardian_name", clean_name),
                         ("guardian_phone", clean_phone), ("guardian_email", clean_email)):
        if key == "learner_code" and not text(raw.get(key)):
            errors.append((key, str(_("Thiếu mã học sinh."))))
            continue
        cell(key, cleaner)
    cell("grade", clean_grade, values.get("class_name") or "")
    for key, (label, required) in FIELDS.items():
        if required and key != "learner_code" and not values.get(key) and \
                not any(k == key for k, _m in errors):
            errors.append((key, _("Thiếu %(label)s.") % {"label": str(label).lower()}))
    if errors:
        return None, errors
    return RosterRow(row_number=row_number, **values), []
